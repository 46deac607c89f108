using Endorse.Accounts;

namespace Endorse.Discovery;

/// <summary>
/// What a good candidate looks like: how the accounts of the program's best-used advocates and of the wish list spread over
/// sectors, regions, sizes and products. A candidate resembles the profile in a factor by the share of profile accounts
/// that have its value, against the most common value (so the most common sector earns full marks).
/// </summary>
public sealed class DiscoveryProfile
{
    private readonly Dictionary<int, int> sectors = [];
    private readonly Dictionary<int, int> regions = [];
    private readonly Dictionary<int, int> products = [];
    private readonly int[] sizes = new int[5];

    public DiscoveryProfile(IEnumerable<ProfileMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var seen = new HashSet<int>();
        foreach (var m in members)
        {
            if (!seen.Add(m.AccountId))
            {
                continue;
            }

            Count++;
            AdvocateAccounts += m.FromAdvocates ? 1 : 0;
            WishAccounts += m.FromWishList ? 1 : 0;
            Add(sectors, m.SectorId);
            Add(regions, m.RegionId);
            if (m.SizeBand != SizeBand.Unknown && (int)m.SizeBand < sizes.Length)
            {
                sizes[(int)m.SizeBand]++;
            }

            foreach (var p in m.ProductIds.Distinct())
            {
                products[p] = products.GetValueOrDefault(p) + 1;
            }
        }

        MaxSector = sectors.Count == 0 ? 0 : sectors.Values.Max();
        MaxRegion = regions.Count == 0 ? 0 : regions.Values.Max();
        MaxProduct = products.Count == 0 ? 0 : products.Values.Max();
        MaxSize = sizes.Max();
    }

    public static DiscoveryProfile Empty { get; } = new([]);

    /// <summary>Accounts in the profile (an account that is both counts once).</summary>
    public int Count { get; }

    public int AdvocateAccounts { get; }
    public int WishAccounts { get; }
    public int MaxSector { get; }
    public int MaxRegion { get; }
    public int MaxProduct { get; }
    public int MaxSize { get; }

    public int Sector(int? id) => id is { } s ? sectors.GetValueOrDefault(s) : 0;

    public int Region(int? id) => id is { } r ? regions.GetValueOrDefault(r) : 0;

    public int Product(int id) => products.GetValueOrDefault(id);

    public int Size(SizeBand band) => band == SizeBand.Unknown || (int)band >= sizes.Length ? 0 : sizes[(int)band];

    /// <summary>The most common sectors (for the page's summary of the profile).</summary>
    public IReadOnlyList<(int Id, int Count)> TopSectors(int n) => sectors.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(n).Select(p => (p.Key, p.Value)).ToList();

    public IReadOnlyList<(int Id, int Count)> TopProducts(int n) => products.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(n).Select(p => (p.Key, p.Value)).ToList();

    private static void Add(Dictionary<int, int> counts, int? id)
    {
        if (id is { } key)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }
}
