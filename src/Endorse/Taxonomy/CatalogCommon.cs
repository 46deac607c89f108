using Endorse.Listing;

namespace Endorse.Taxonomy;

/// <summary>The outcome of deleting a catalog entry: done, not there, or refused because records still use it.</summary>
public sealed record DeleteResult(bool Deleted, bool NotFound, string? InUse)
{
    public static DeleteResult Done { get; } = new(true, false, null);
    public static DeleteResult Missing { get; } = new(false, true, null);

    public static DeleteResult Refused(string reason) => new(false, false, reason);
}

/// <summary>Shared pieces of the small catalog lists (products, sectors, regions, sales areas).</summary>
public static class CatalogNames
{
    public const int MaxNameLength = 150;

    /// <summary>
    /// Catalog lists hold tens to hundreds of rows, so their search is a case-insensitive "contains" on the
    /// name (a scan of a tiny table) rather than the prefix range search the million-row lists need.
    /// </summary>
    public static string? SearchTerm(PageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var term = request.Search is null ? null : InputText.Clean(request.Search).Trim();
        return string.IsNullOrEmpty(term) ? null : term.ToLowerInvariant();
    }

    public static string AlreadyExists(string kind, string name) => $"A {kind} named \"{name.Trim()}\" already exists.";

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
