/** What an embedded engine is configured with: {@link dev.terrace.engine.config.Limits}. */
@NullMarked
package dev.terrace.engine.config;

import org.jspecify.annotations.NullMarked;
