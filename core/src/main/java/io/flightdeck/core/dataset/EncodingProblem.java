package io.flightdeck.core.dataset;

/**
 * Bytes that are not valid in the expected encoding.
 *
 * @param line the 1-based line where they are
 * @param byteOffset the 0-based offset of the first bad byte in the (uncompressed) file
 * @param bytesHex the bad bytes in hex, e.g. {@code E9 74}
 * @param message a sentence naming line, offset and bytes
 */
public record EncodingProblem(long line, long byteOffset, String bytesHex, String message) {}
