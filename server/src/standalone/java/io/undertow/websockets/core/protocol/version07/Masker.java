package io.undertow.websockets.core.protocol.version07;

import io.undertow.server.protocol.framed.FrameHeaderData;
import io.undertow.websockets.core.function.ChannelFunction;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * wsfixture's drop-in replacement of Undertow's {@code Masker} (RFC 6455 section 5.3), which XORs a
 * frame's payload with its 4-byte masking key one byte at a time; this one XORs eight bytes at a
 * time, with the key repeated into a long and rotated to where the previous buffer of the frame
 * stopped. Same class name, same members, same results byte for byte, including the key position
 * carried from one call to the next and what is left behind when a call throws.
 *
 * <p>It lives only in {@code wsfixture-server.jar} (the standalone jar, and so the image), whose
 * class path wsfixture owns: the shade step puts it in place of Undertow's class. It is never in
 * the {@code wsfixture} or {@code wsfixture-server} artifacts, where it would shadow a class of the
 * user's Undertow. {@code MaskerReplacementTest} runs it against Undertow's own class; {@code
 * StandaloneMaskerIT} checks that the jar holds it. When Undertow is upgraded, compare the new
 * {@code Masker} with this one (its members have not changed since 2014).
 */
public final class Masker implements ChannelFunction {

  private byte[] maskingKey;

  /** The key byte that the next payload byte is XORed with, 0 to 3; Undertow's name. */
  int m;

  Masker(int maskingKey) {
    this.maskingKey = keyBytes(maskingKey);
  }

  public void setMaskingKey(int maskingKey) {
    this.maskingKey = keyBytes(maskingKey);
    this.m = 0;
  }

  private static byte[] keyBytes(int key) {
    return new byte[] {(byte) (key >> 24), (byte) (key >> 16), (byte) (key >> 8), (byte) key};
  }

  private void mask(ByteBuffer buffer, int position, int length) {
    int end = position + length;
    if (end <= position) {
      return; // nothing to do, as in Undertow's loop (which also runs no turn when end overflows)
    }
    if (position < 0 || end > buffer.limit() || buffer.isReadOnly() || m < 0 || m > 3) {
      // Undertow's loop exactly, so that a call that throws leaves the same bytes and key position.
      byteAtATime(buffer, position, end);
      return;
    }
    byte[] key = maskingKey;
    int i = position;
    if (end - i >= 8) {
      // The key as it lies over the next bytes: starting at byte m, repeated twice.
      int rotated =
          (key[m] & 0xFF) << 24
              | (key[(m + 1) & 3] & 0xFF) << 16
              | (key[(m + 2) & 3] & 0xFF) << 8
              | key[(m + 3) & 3] & 0xFF;
      long mask = (rotated & 0xFFFFFFFFL) << 32 | (rotated & 0xFFFFFFFFL);
      if (buffer.order() == ByteOrder.LITTLE_ENDIAN) {
        mask = Long.reverseBytes(mask);
      }
      for (; i <= end - 8; i += 8) {
        buffer.putLong(i, buffer.getLong(i) ^ mask);
      }
      // Eight bytes are two whole turns of the key: m is where it was.
    }
    int k = m;
    for (; i < end; i++) {
      buffer.put(i, (byte) (buffer.get(i) ^ key[k]));
      k = (k + 1) & 3;
    }
    m = k;
  }

  private void byteAtATime(ByteBuffer buffer, int position, int end) {
    for (int i = position; i < end; ++i) {
      buffer.put(i, (byte) (buffer.get(i) ^ maskingKey[m++]));
      m = m % 4;
    }
  }

  @Override
  public void newFrame(FrameHeaderData headerData) {
    WebSocket07Channel.WebSocketFrameHeader header =
        (WebSocket07Channel.WebSocketFrameHeader) headerData;
    setMaskingKey(header.getMaskingKey());
  }

  @Override
  public void afterRead(ByteBuffer buf, int position, int length) {
    mask(buf, position, length);
  }

  @Override
  public void beforeWrite(ByteBuffer buf, int position, int length) {
    mask(buf, position, length);
  }

  @Override
  public void complete() {}
}
