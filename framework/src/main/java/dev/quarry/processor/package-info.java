/**
 * Quarry's annotation processor: it checks {@code @Entity} classes at compile time and writes the
 * entity index that {@code QuarryModule} registers at start-up, so no classpath is scanned.
 */
package dev.quarry.processor;
