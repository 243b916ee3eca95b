package dev.wsfixture.server.internal.cli;

import dev.wsfixture.internal.WarmUp;

/**
 * The JVM-wide settings of the standalone program, which owns its JVM (the library never makes
 * them: a test JVM is the user's). Called first thing in {@code main}, before any class of XNIO or
 * JBoss Threads is initialised, and by the class-data training run, so that the archive holds what
 * the program loads.
 */
final class StandaloneJvm {

  /** JBoss Threads' documented switch for the MBean of each of its executors. */
  static final String EXECUTOR_MBEAN_PROPERTY = "jboss.threads.eqe.disable-mbean";

  private StandaloneJvm() {}

  /**
   * No platform MBean server: JBoss Threads is told not to register its executor's MBean (unless
   * the command line says otherwise), and where the standalone jar's replacement of XNIO's MBean
   * lookup is in place (see {@code src/standalone/java/org/xnio}), the warm-up does not create a
   * server that nobody would use.
   */
  static void prepare() {
    if (System.getProperty(EXECUTOR_MBEAN_PROPERTY) == null) {
      System.setProperty(EXECUTOR_MBEAN_PROPERTY, "true");
    }
    if (!xnioLooksUpPlatformMBeanServer()) {
      WarmUp.withoutPlatformMBeanServer();
    }
  }

  /**
   * Whether XNIO's own MBean lookup is on the class path: javac compiles it as an anonymous class,
   * while the standalone jar's replacement is a top-level class of the same name.
   */
  static boolean xnioLooksUpPlatformMBeanServer() {
    try {
      return Class.forName(
              "org.xnio.Xnio$MBeanHolder$1", false, StandaloneJvm.class.getClassLoader())
          .isAnonymousClass();
    } catch (ClassNotFoundException | LinkageError e) {
      return true;
    }
  }
}
