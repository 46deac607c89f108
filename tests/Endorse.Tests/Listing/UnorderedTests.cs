using Endorse.Listing;

namespace Endorse.Tests.Listing;

/// <summary>The list's capped count runs without the list's sort; these are the shapes it must and must not touch.</summary>
public class UnorderedTests
{
    private static readonly IQueryable<int> Numbers = new[] { 5, 3, 8, 1, 9, 2 }.AsQueryable();

    [Fact]
    public void Sorts_between_filters_and_projections_are_taken_off()
    {
        var sorted = Numbers.Where(n => n > 1).OrderBy(n => n % 2).ThenByDescending(n => n).Select(n => n * 10);

        var stripped = Unordered(sorted);

        Assert.DoesNotContain("OrderBy", stripped.Expression.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ThenBy", stripped.Expression.ToString(), StringComparison.Ordinal);
        Assert.Equal(sorted.Count(), stripped.Count());
        Assert.Equal(sorted.OrderBy(n => n), stripped.OrderBy(n => n));
    }

    [Fact]
    public void A_sort_below_Take_or_an_indexed_Select_is_kept()
    {
        var firstThree = Numbers.OrderBy(n => n).Take(3).Where(n => n > 0);
        Assert.Equal(firstThree.Expression.ToString(), Unordered(firstThree).Expression.ToString());
        Assert.Equal([1, 2, 3], Unordered(firstThree).ToArray());

        var ranked = Numbers.OrderBy(n => n).Select((n, index) => n * index);
        Assert.Equal(ranked.Expression.ToString(), Unordered(ranked).Expression.ToString());
    }

    [Fact]
    public void A_query_without_a_sort_is_the_same_expression()
    {
        var filtered = Numbers.Where(n => n > 4).Select(n => -n);
        Assert.Same(filtered.Expression, PagingExtensions.Unordered.Strip(filtered.Expression));
    }

    private static IQueryable<int> Unordered(IQueryable<int> query) => query.Provider.CreateQuery<int>(PagingExtensions.Unordered.Strip(query.Expression));
}
