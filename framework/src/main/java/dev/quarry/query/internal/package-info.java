/** The query builder's condition tree and its SQL rendering. Not an API: no compatibility is promised. */
package dev.quarry.query.internal;
