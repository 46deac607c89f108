namespace Endorse.Listing;

/// <summary>What a list page asks for: a page, a sort and a free-text search. Filters are per list.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = 25, string? Sort = null, bool Descending = false, string? Search = null)
{
    public const int MaxPageSize = 200;

    /// <summary>Counts stop here: past it a list says "10,000+" instead of counting a million rows on every page.</summary>
    public const int CountCap = 10_000;

    public int SafePage => Math.Max(1, Page);
    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);
    public int Skip => (SafePage - 1) * SafePageSize;
}

/// <summary>One page of a list. <see cref="TotalIsCapped"/> says the total stopped counting at <see cref="PageRequest.CountCap"/>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, bool TotalIsCapped, int PageNumber, int PageSize);
