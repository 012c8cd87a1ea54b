/**
 * Quarry's annotation processor: it checks {@code @Entity} classes at compile time, writes their
 * relation setters and their metamodel classes ({@code User_}: typed attribute, relation and pivot
 * column names), and writes the entity index that {@code QuarryModule} registers at start-up, so
 * no classpath is scanned.
 */
package dev.quarry.processor;
