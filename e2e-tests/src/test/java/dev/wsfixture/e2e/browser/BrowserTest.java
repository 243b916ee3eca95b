package dev.wsfixture.e2e.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives a headless Chromium: one browser for the class, a fresh window for each
 * test, a {@link Browser} parameter, and on failure a screenshot, the page's HTML and the console
 * log under {@code target/e2e-failures/}, their paths in the failure message.
 *
 * <p>The browser is the local {@code /usr/bin/chromium}, or a Selenium Grid when {@code
 * -Dwsfixture.e2e.grid=URL} is given. Without Chromium the class is skipped with how to install it;
 * with {@code CI=true} it fails instead.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(BrowserExtension.class)
@Timeout(120)
public @interface BrowserTest {}
