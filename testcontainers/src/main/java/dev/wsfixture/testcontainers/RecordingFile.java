package dev.wsfixture.testcontainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The host file a container records to. Its directory is bind-mounted into the container, where the
 * server runs as the image's user (uid 10001), not as the user of this JVM. So before the container
 * starts, the file is made on the host (the server then only opens it, and needs no right to create
 * files in the directory), made readable and writable for others, and its directory enterable by
 * others ({@code o+x}, not {@code o+r}: the container cannot list it). When the container stops,
 * the file gets its own permissions back; the directory keeps {@code o+x}, which another container
 * may still need.
 */
final class RecordingFile {

  /** Where the file's directory is mounted in the container. */
  static final String CONTAINER_DIRECTORY = "/recording";

  private final Path file;
  private Set<PosixFilePermission> before;

  /**
   * @throws IllegalArgumentException if {@code hostFile} is a directory
   */
  RecordingFile(Path hostFile) {
    Path absolute = Objects.requireNonNull(hostFile, "hostFile").toAbsolutePath().normalize();
    if (absolute.getParent() == null || Files.isDirectory(absolute)) {
      throw new IllegalArgumentException(
          "withRecording("
              + hostFile
              + "): that is a directory; give a file in it, such as chat.jsonl");
    }
    this.file = absolute;
  }

  /** The directory to mount. */
  Path hostDirectory() {
    return file.getParent();
  }

  /** The file's path inside the container. */
  String containerPath() {
    return CONTAINER_DIRECTORY + "/" + file.getFileName();
  }

  /**
   * Makes the directory and the file, and lets the container's user in.
   *
   * @throws UncheckedIOException naming the file and the fix, if this JVM may not do that
   */
  synchronized void prepare() {
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
      if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
        return; // no owners and modes (Windows): Docker Desktop shares the file as it is
      }
      add(file.getParent(), EnumSet.of(PosixFilePermission.OTHERS_EXECUTE));
      Set<PosixFilePermission> own = Files.getPosixFilePermissions(file);
      if (add(file, EnumSet.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE))
          && before == null) {
        before = own;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot prepare the recording file "
              + file
              + " for the container, whose server runs as uid 10001 (the file must be writable"
              + " for others, its directory enterable): "
              + e
              + "; give a file in a directory you own",
          e);
    }
  }

  /** Gives the file the permissions it had before {@link #prepare()}; quiet if it cannot. */
  synchronized void restore() {
    if (before == null) {
      return;
    }
    try {
      Files.setPosixFilePermissions(file, before);
      before = null;
    } catch (IOException | UnsupportedOperationException e) {
      // the file stays writable for others; nothing a stopping container can do about it
    }
  }

  /** Adds {@code permissions} to {@code path}; true if it lacked some. */
  private static boolean add(Path path, Set<PosixFilePermission> permissions) throws IOException {
    Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
    if (current.containsAll(permissions)) {
      return false;
    }
    Set<PosixFilePermission> wider = EnumSet.noneOf(PosixFilePermission.class);
    wider.addAll(current);
    wider.addAll(permissions);
    Files.setPosixFilePermissions(path, wider);
    return true;
  }
}
