using System.Globalization;
using Endorse.Listing;

namespace Endorse.Taxonomy;

/// <summary>
/// Which region a country belongs to. A region lists country names and ISO codes ("DE, Germany, FR, France");
/// a country given by name, two-letter or three-letter ISO code matches the region listing any of its forms.
/// Matching ignores case, accents, spaces and punctuation. Imports use it to place accounts from their billing country.
/// </summary>
public sealed class RegionCountries
{
    private static readonly Lazy<Dictionary<string, string[]>> KnownCountries = new(BuildKnownCountries);

    private readonly Dictionary<string, int> regionByKey = new(StringComparer.Ordinal);

    public RegionCountries(IEnumerable<(int RegionId, string? Countries)> regions)
    {
        foreach (var (regionId, countries) in regions)
        {
            foreach (var entry in Parse(countries))
            {
                foreach (var key in Forms(entry))
                {
                    regionByKey.TryAdd(key, regionId);
                }
            }
        }
    }

    /// <summary>The region of a country name or ISO code, or null when no region lists it.</summary>
    public int? RegionFor(string? country)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return null;
        }

        foreach (var key in Forms(country))
        {
            if (regionByKey.TryGetValue(key, out var regionId))
            {
                return regionId;
            }
        }

        return null;
    }

    /// <summary>The entries of a stored comma-separated list, trimmed, without empties or repeats.</summary>
    public static IReadOnlyList<string> Parse(string? countries) =>
        string.IsNullOrWhiteSpace(countries)
            ? []
            : countries.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(c => c.Length > 0)
                .DistinctBy(SearchText.Normalize)
                .ToList();

    /// <summary>The stored form of a list of countries.</summary>
    public static string? Join(IEnumerable<string>? countries)
    {
        var joined = string.Join(", ", Parse(string.Join(',', countries ?? [])));
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>
    /// Every normalized form a country is known by: itself, its name and ISO codes when it is a known country, and
    /// each of those with spaces and punctuation taken out ("United-States", "U.S.A." as CRMs hold them).
    /// </summary>
    internal static IEnumerable<string> Forms(string country)
    {
        var normalized = SearchText.Normalize(country);
        var forms = new List<string> { normalized };
        if (KnownCountries.Value.TryGetValue(normalized, out var aliases))
        {
            forms.AddRange(aliases);
        }

        return forms.Concat(forms.Select(LettersAndDigits)).Where(f => f.Length > 0).Distinct();
    }

    private static string LettersAndDigits(string form) => new([.. form.Where(char.IsLetterOrDigit)]);

    private static Dictionary<string, string[]> BuildKnownCountries()
    {
        var known = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var regions = new List<RegionInfo>();
        try
        {
            foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
            {
                try
                {
                    regions.Add(new RegionInfo(culture.Name));
                }
                catch (ArgumentException)
                {
                    // A culture without a region of its own.
                }
            }
        }
        catch (CultureNotFoundException)
        {
            return known;
        }

        foreach (var region in regions.DistinctBy(r => r.TwoLetterISORegionName))
        {
            if (region.TwoLetterISORegionName.Length != 2 || !region.TwoLetterISORegionName.All(char.IsAsciiLetter))
            {
                continue;
            }

            string[] forms = [.. new[] { region.TwoLetterISORegionName, region.ThreeLetterISORegionName, region.EnglishName }
                .Select(SearchText.Normalize).Where(f => f.Length > 0).Distinct()];
            foreach (var form in forms)
            {
                known.TryAdd(form, forms);
            }
        }

        foreach (var (alias, iso) in CommonAliases)
        {
            if (known.TryGetValue(SearchText.Normalize(iso), out var forms))
            {
                known.TryAdd(SearchText.Normalize(alias), forms);
            }
        }

        return known;
    }

    // Names CRMs commonly hold that differ from the ISO English names.
    private static readonly (string Alias, string Iso)[] CommonAliases =
    [
        ("USA", "US"), ("United States of America", "US"), ("UK", "GB"), ("Great Britain", "GB"), ("England", "GB"),
        ("Holland", "NL"), ("The Netherlands", "NL"), ("Deutschland", "DE"), ("South Korea", "KR"), ("Korea", "KR"),
        ("Czech Republic", "CZ"), ("Russia", "RU"), ("UAE", "AE"),
    ];
}
