/** What an embedded engine is configured with: {@link dev.terrace.engine.config.Limits}. */
package dev.terrace.engine.config;
