/**
 * Relationships between entities and their read side: a relation is a query builder constrained
 * to its parent, loads lazily with a cache on the parent, and loads eagerly for many parents in
 * one statement per level. The write operations on a pivot table live in {@code relation.pivot}.
 */
package dev.quarry.relation;
