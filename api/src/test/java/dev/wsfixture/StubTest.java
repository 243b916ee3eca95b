package dev.wsfixture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A {@link Stub} refuses a rule it cannot keep when it is built, before any server sees it. */
class StubTest {

  @Test
  void badRulesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> Stub.regex("(unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("regular expression");
    assertThatThrownBy(() -> Stub.exact("x").reply("{{nope}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown placeholder {{nope}}");
    assertThatThrownBy(() -> Stub.exact("x").closeWith(1006, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("close code 1006");
  }
}
