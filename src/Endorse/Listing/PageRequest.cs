namespace Endorse.Listing;

/// <summary>What a list page asks for: a page, a sort and a free-text search. Filters are per list.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = 25, string? Sort = null, bool Descending = false, string? Search = null)
{
    public const int MaxPageSize = 200;

    /// <summary>Counts stop here: past it a list says "10,000+" instead of counting a million rows on every page.</summary>
    public const int CountCap = 10_000;

    /// <summary>The highest page number read: past it a skip would overflow (and nobody pages this far; they search).</summary>
    public const int MaxPage = 1_000_000;

    public int SafePage => Math.Clamp(Page, 1, MaxPage);
    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);
    public int Skip => (SafePage - 1) * SafePageSize;

    /// <summary>Why the search text is refused (a control character, too long…), or null; every list and export checks it.</summary>
    public string? SearchProblem => InputText.SearchProblem(Search);
}

/// <summary>One page of a list. <see cref="TotalIsCapped"/> says the total stopped counting at <see cref="PageRequest.CountCap"/>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, bool TotalIsCapped, int PageNumber, int PageSize);
