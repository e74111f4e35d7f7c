/**
 * Byte sources: positional reads of local files and HTTP {@code Range} reads of remote ones, behind
 * one interface, {@link dev.terrace.engine.internal.io.ByteSource}.
 */
package dev.terrace.engine.internal.io;
