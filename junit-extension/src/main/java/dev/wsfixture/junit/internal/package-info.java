/** Plumbing of the JUnit integration that JUnit finds by itself. Not API. */
package dev.wsfixture.junit.internal;
