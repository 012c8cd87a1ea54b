/**
 * Quarry's own plumbing, shared by its packages: entity state, persistence, hydration and value
 * conversion. Not an API: no compatibility is promised, and code outside Quarry must not use it.
 */
package dev.quarry.internal;
