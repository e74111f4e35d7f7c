package dev.terrace.client;

import dev.terrace.api.Page;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * A page of a catalog listing that can fetch the pages after it, from the catalog namespace
 * ({@code client.catalog().datasets().list(...)}).
 *
 * <pre>{@code
 * CatalogPage<Dataset> page = client.catalog().datasets().list();
 * while (true) {
 *     page.items().forEach(d -> System.out.println(d.id()));
 *     if (!page.hasNextPage()) break;
 *     page = page.nextPage();
 * }
 * // or, fetching pages as the iteration reaches them:
 * client.catalog().datasets().list().autoPager().stream().map(Dataset::id).forEach(System.out::println);
 * }</pre>
 *
 * @param <T> the item type
 */
public final class CatalogPage<T> implements Page<T> {

    private final Page<T> page;
    private final IntFunction<? extends Page<T>> fetch;

    CatalogPage(Page<T> page, IntFunction<? extends Page<T>> fetch) {
        this.page = page;
        this.fetch = fetch;
    }

    /**
     * The page as the service sent it.
     *
     * @return for example a {@link dev.terrace.api.DatasetPage}
     */
    public Page<T> page() {
        return page;
    }

    @Override
    public int total() {
        return page.total();
    }

    @Override
    public int limit() {
        return page.limit();
    }

    @Override
    public int offset() {
        return page.offset();
    }

    @Override
    public int count() {
        return page.count();
    }

    @Override
    public List<T> items() {
        return page.items();
    }

    /**
     * Fetches the next page, at the same size and with the same filter and call settings.
     *
     * @return the next page
     * @throws NoSuchElementException if {@link #hasNextPage()} is false
     * @throws TerraceException if the call fails
     */
    public CatalogPage<T> nextPage() {
        if (!hasNextPage()) {
            throw new NoSuchElementException("No page after offset " + offset() + " (total " + total() + ")");
        }
        return new CatalogPage<>(fetch.apply(nextOffset()), fetch);
    }

    /**
     * The items of this page and every page after it, fetched as the iteration reaches them.
     *
     * @return the pager
     */
    public AutoPager<T> autoPager() {
        return new AutoPager<>(this);
    }

    /**
     * The position and size of the page.
     *
     * @return for example {@code CatalogPage[offset=0, count=100, total=250]}
     */
    @Override
    public String toString() {
        return "CatalogPage[offset=" + offset() + ", count=" + count() + ", total=" + total() + "]";
    }
}
