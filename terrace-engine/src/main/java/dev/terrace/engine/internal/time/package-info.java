/** Times as requests and catalogs write them. */
package dev.terrace.engine.internal.time;
