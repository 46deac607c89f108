using Microsoft.EntityFrameworkCore;

namespace Endorse.Listing;

public static class PagingExtensions
{
    /// <summary>
    /// Counts the query up to <see cref="PageRequest.CountCap"/> + 1 rows and reads one page of it. The query must
    /// already be filtered and sorted on indexed columns; counting stops at the cap so a million-row list stays fast.
    /// </summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> sorted, PageRequest request, CancellationToken cancellationToken = default)
    {
        var counted = await sorted.Take(PageRequest.CountCap + 1).CountAsync(cancellationToken);
        var capped = counted > PageRequest.CountCap;
        var items = await sorted.Skip(request.Skip).Take(request.SafePageSize).ToListAsync(cancellationToken);
        return new Page<T>(items, capped ? PageRequest.CountCap : counted, capped, request.SafePage, request.SafePageSize);
    }

    /// <summary>
    /// Pages over two sorted queries read one after the other (<paramref name="first"/>'s rows, then
    /// <paramref name="second"/>'s), each counted up to the cap, so each stays an index range scan.
    /// The two must not share rows.
    /// </summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> first, IQueryable<T> second, PageRequest request, CancellationToken cancellationToken = default)
    {
        var firstCount = await first.Take(PageRequest.CountCap + 1).CountAsync(cancellationToken);
        var secondCount = firstCount > PageRequest.CountCap ? 0 : await second.Take(PageRequest.CountCap + 1).CountAsync(cancellationToken);
        var counted = firstCount + secondCount;
        var capped = counted > PageRequest.CountCap;

        var items = new List<T>(request.SafePageSize);
        if (request.Skip < firstCount)
        {
            items.AddRange(await first.Skip(request.Skip).Take(request.SafePageSize).ToListAsync(cancellationToken));
        }

        var missing = request.SafePageSize - items.Count;
        if (missing > 0 && secondCount > 0)
        {
            var skipInSecond = Math.Max(0, request.Skip - firstCount);
            items.AddRange(await second.Skip(skipInSecond).Take(missing).ToListAsync(cancellationToken));
        }

        return new Page<T>(items, capped ? PageRequest.CountCap : counted, capped, request.SafePage, request.SafePageSize);
    }

    /// <summary>Applies a prefix search on a normalized, indexed column: an index range scan on both databases.</summary>
    public static IQueryable<T> WherePrefix<T>(this IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, string>> column, string normalizedPrefix)
    {
        var upper = SearchText.UpperBound(normalizedPrefix);
        var parameter = column.Parameters[0];
        var body = System.Linq.Expressions.Expression.AndAlso(
            Compare(column.Body, normalizedPrefix, System.Linq.Expressions.ExpressionType.GreaterThanOrEqual),
            Compare(column.Body, upper, System.Linq.Expressions.ExpressionType.LessThan));
        return query.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(body, parameter));
    }

    private static System.Linq.Expressions.BinaryExpression Compare(System.Linq.Expressions.Expression column, string value, System.Linq.Expressions.ExpressionType type)
    {
        // string.Compare(column, value) >= 0 / < 0 is how EF Core translates string ordering to SQL.
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        var call = System.Linq.Expressions.Expression.Call(compare, column, System.Linq.Expressions.Expression.Constant(value));
        return System.Linq.Expressions.Expression.MakeBinary(type, call, System.Linq.Expressions.Expression.Constant(0));
    }
}
