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
        var counted = await CappedCountAsync(sorted, cancellationToken);
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
        var firstCount = await CappedCountAsync(first, cancellationToken);
        var secondCount = firstCount > PageRequest.CountCap ? 0 : await CappedCountAsync(second, cancellationToken);
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

    /// <summary>
    /// Counts up to the cap + 1 rows with the list's sort taken off: the count does not depend on the order, and a sort the
    /// database cannot read from an index (contacts filtered by their account's sector, sorted by name) would make it
    /// collect and sort every match first (PostgreSQL: 155 ms sorted, 40 ms not, at a million contacts).
    /// </summary>
    private static Task<int> CappedCountAsync<T>(IQueryable<T> sorted, CancellationToken cancellationToken) =>
        sorted.Provider.CreateQuery<T>(Unordered.Strip(sorted.Expression)).Take(PageRequest.CountCap + 1).CountAsync(cancellationToken);

    /// <summary>
    /// Applies a prefix search on a normalized, indexed column: an index range scan on both databases. The bounds are
    /// captured variables, so EF Core sends them as parameters: the SQL text never holds the search, and every search
    /// shares one cached query plan.
    /// </summary>
    public static IQueryable<T> WherePrefix<T>(this IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, string>> column, string normalizedPrefix)
    {
        ArgumentNullException.ThrowIfNull(column);
        var bounds = new PrefixBounds(normalizedPrefix, SearchText.UpperBound(normalizedPrefix));
        var parameter = column.Parameters[0];
        var body = System.Linq.Expressions.Expression.AndAlso(
            Compare(column.Body, bounds, nameof(PrefixBounds.Lower), System.Linq.Expressions.ExpressionType.GreaterThanOrEqual),
            Compare(column.Body, bounds, nameof(PrefixBounds.Upper), System.Linq.Expressions.ExpressionType.LessThan));
        return query.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(body, parameter));
    }

    private static System.Linq.Expressions.BinaryExpression Compare(System.Linq.Expressions.Expression column, PrefixBounds bounds, string bound, System.Linq.Expressions.ExpressionType type)
    {
        // string.Compare(column, value) >= 0 / < 0 is how EF Core translates string ordering to SQL. The value is a member
        // of a constant object (what the C# compiler makes of a captured variable), which EF Core turns into a parameter.
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        var value = System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Constant(bounds), bound);
        var call = System.Linq.Expressions.Expression.Call(compare, column, value);
        return System.Linq.Expressions.Expression.MakeBinary(type, call, System.Linq.Expressions.Expression.Constant(0));
    }

    /// <summary>The two ends of a prefix range, held as a closure would hold them.</summary>
    private sealed record PrefixBounds(string Lower, string Upper);

    /// <summary>
    /// Takes the OrderBy / ThenBy calls off a query's outer chain of Where, Select and sort calls. It stops at any other
    /// operator (Skip, Take, Distinct, …), below which the order may matter, and leaves that part as it is.
    /// </summary>
    internal static class Unordered
    {
        private static readonly HashSet<string> Sorts = [nameof(Queryable.OrderBy), nameof(Queryable.OrderByDescending), nameof(Queryable.ThenBy), nameof(Queryable.ThenByDescending)];
        private static readonly HashSet<string> PassThrough = [nameof(Queryable.Where), nameof(Queryable.Select)];

        public static System.Linq.Expressions.Expression Strip(System.Linq.Expressions.Expression expression)
        {
            if (expression is not System.Linq.Expressions.MethodCallExpression call || call.Method.DeclaringType != typeof(Queryable))
            {
                return expression;
            }

            if (Sorts.Contains(call.Method.Name))
            {
                return Strip(call.Arguments[0]);
            }

            // Select((row, index) => …) numbers the rows in order: below it the order matters.
            if (PassThrough.Contains(call.Method.Name) && call.Arguments[1] is System.Linq.Expressions.UnaryExpression { Operand: System.Linq.Expressions.LambdaExpression { Parameters.Count: 1 } })
            {
                var source = Strip(call.Arguments[0]);
                return source == call.Arguments[0] ? call : call.Update(call.Object, [source, .. call.Arguments.Skip(1)]);
            }

            return expression;
        }
    }
}
