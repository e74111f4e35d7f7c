/**
 * Reading the wire models from JSON as strictly as the service does, wherever they are read: the
 * service's requests, the command line's geometries, a job's input.
 */
package dev.terrace.engine.internal.json;
