package org.xnio;

import java.security.PrivilegedAction;
import javax.management.MBeanServer;

/**
 * wsfixture's replacement of the action that XNIO's {@code Xnio.MBeanHolder} runs once to find the
 * MBean server for its management beans: XNIO's calls {@code
 * ManagementFactory.getPlatformMBeanServer()}, which creates the platform MBean server and
 * registers every platform MXBean, 60-110 ms of a fresh JVM's start for beans that nobody reads in
 * a test fixture. This one answers {@code null}, which XNIO's {@code register} methods meet inside
 * their {@code catch (Throwable)} and answer with a no-op registration, as they do on a runtime
 * without {@code java.management} (the image's).
 *
 * <p>It lives only in {@code wsfixture-server.jar} (the standalone jar and the image), whose class
 * path wsfixture owns: the shade step puts it in place of XNIO's class (the name is the one javac
 * gives XNIO's anonymous class). It is never in the {@code wsfixture} or {@code wsfixture-server}
 * artifacts. {@code StandaloneStartIT} checks that the standalone jar starts no MBean server; when
 * XNIO is upgraded, check that {@code Xnio$MBeanHolder} still runs this class and that every use of
 * its server is inside a {@code catch (Throwable)}.
 */
final class Xnio$MBeanHolder$1 implements PrivilegedAction<MBeanServer> {

  Xnio$MBeanHolder$1() {}

  @Override
  public MBeanServer run() {
    return null;
  }
}
