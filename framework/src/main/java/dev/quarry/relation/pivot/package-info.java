/**
 * The write side of many-to-many relations: {@link dev.quarry.relation.pivot.PivotWriter} runs
 * attach, detach, sync, toggle and updateExistingPivot against a pivot table, each in one
 * transaction with at most one read and one batched write per kind of change;
 * {@link dev.quarry.relation.pivot.PivotDiff} decides what changes, without SQL.
 */
package dev.quarry.relation.pivot;
