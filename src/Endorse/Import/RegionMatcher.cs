using Endorse.Taxonomy;

namespace Endorse.Import;

/// <summary>
/// Places a country in a region by the region's <see cref="Region.Countries"/> list (comma-separated names and
/// ISO codes, e.g. "Germany, DE, DEU, France, FR"). Matching ignores case, spaces and punctuation.
/// </summary>
public sealed class RegionMatcher
{
    private readonly Dictionary<string, int> regionByCountry = new(StringComparer.Ordinal);

    public RegionMatcher(IEnumerable<Region> regions)
    {
        foreach (var region in regions.OrderBy(r => r.Id))
        {
            foreach (var country in (region.Countries ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                regionByCountry.TryAdd(ImportValues.Key(country), region.Id);
            }

            regionByCountry.TryAdd(ImportValues.Key(region.Name), region.Id);
        }
    }

    public int? RegionOf(string? country)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return null;
        }

        return regionByCountry.TryGetValue(ImportValues.Key(country), out var id) ? id : null;
    }
}
