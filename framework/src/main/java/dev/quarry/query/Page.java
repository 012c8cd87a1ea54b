package dev.quarry.query;

import java.util.List;

/**
 * One page of results with the numbers a pager needs.
 *
 * <pre>{@code
 * Page<Post> page = entities.get(Post.class).query().orderBy("id").paginate(2, 25);
 * page.items(); page.total(); page.lastPage(); page.hasMore();
 * }</pre>
 *
 * @param items the entities on this page
 * @param page the page number, from 1
 * @param perPage the page size
 * @param total how many rows match in all
 */
public record Page<T>(List<T> items, int page, int perPage, long total) {

    /** The number of the last page (1 when there are no rows). */
    public int lastPage() {
        return (int) Math.max(1, (total + perPage - 1) / perPage);
    }

    /** True if a later page has rows. */
    public boolean hasMore() {
        return page < lastPage();
    }
}
