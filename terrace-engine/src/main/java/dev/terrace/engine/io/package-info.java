/**
 * Byte sources: positional reads of local files and HTTP {@code Range} reads of remote ones, behind one
 * interface, {@link dev.terrace.engine.io.ByteSource}.
 */
package dev.terrace.engine.io;
