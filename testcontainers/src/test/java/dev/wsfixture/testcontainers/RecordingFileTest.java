package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What withRecording does to the host file and its directory, before and after the container. */
class RecordingFileTest {

  @TempDir Path directory;

  @Test
  void makesTheFileWritableForTheContainersUserAndGivesItsPermissionsBack() throws Exception {
    Path file = directory.resolve("new/chat.jsonl");
    RecordingFile recording = new RecordingFile(file);
    assertThat(recording.containerPath()).isEqualTo("/recording/chat.jsonl");
    assertThat(recording.hostDirectory()).isEqualTo(file.getParent());

    recording.prepare();
    assertThat(file).exists().isEmptyFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).endsWith("rw-");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .endsWith("x");

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--rw-"));
    recording.restore();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .doesNotEndWith("rw-");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .endsWith("x"); // another container may still record there
  }

  @Test
  void aFileAlreadyWritableForOthersIsLeftAsItIs() throws Exception {
    Path file = directory.resolve("chat.jsonl");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
    RecordingFile recording = new RecordingFile(file);
    recording.prepare();
    recording.restore();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-rw-rw-");
    assertThat(file).hasContent("old"); // the server replaces it, not this class
  }
}
