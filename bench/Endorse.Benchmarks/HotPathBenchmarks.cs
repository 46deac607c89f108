using BenchmarkDotNet.Attributes;
using Endorse.Contacts;
using Endorse.Demo;
using Endorse.Listing;

namespace Endorse.Benchmarks;

/// <summary>The per-row work every import and every save does: normalizing search text and inferring seniority.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private readonly string[] names = ["Müller-Lüdenscheidt Versicherungen AG", "  O'Brien   Logistics ", "Smith", "Ångström Biosciences Ltd", "Fernández & Lefèvre Capital"];
    private readonly string[] titles = ["SVP, Operations", "Head of IT", "Chief Executive Officer", "Senior Data Analyst", "Executive Assistant to the CEO", "Customer Service Team Lead"];
    private DemoCatalog.Ids catalog = null!;

    [GlobalSetup]
    public void Setup() => catalog = new DemoCatalog.Ids(
        Enumerable.Range(1, DemoCatalog.Sectors.Count).ToArray(),
        Enumerable.Range(1, DemoCatalog.Regions.Count).ToArray(),
        DemoCatalog.SalesAreas.Select((a, i) => (a.Name, Id: i + 1)).ToDictionary(a => a.Name, a => a.Id),
        Enumerable.Range(1, DemoCatalog.Products.Count).ToArray(),
        DemoCatalog.Products.Select(_ => (DateOnly?)new DateOnly(2020, 1, 1)).ToArray());

    [Benchmark]
    public int NormalizeNames()
    {
        var length = 0;
        foreach (var name in names)
        {
            length += SearchText.Normalize(name).Length;
        }

        return length;
    }

    [Benchmark]
    public int InferSeniority()
    {
        var sum = 0;
        foreach (var title in titles)
        {
            sum += (int)SeniorityInference.FromTitle(title);
        }

        return sum;
    }

    /// <summary>1,000 accounts and 5,000 contacts generated in memory: the generator's own cost, without a database.</summary>
    [Benchmark]
    public int Generate1000AccountsAnd5000Contacts()
    {
        var generator = new DataGenerator(42, catalog, [], new DateOnly(2026, 11, 23));
        return generator.Accounts(1_000).Count() + generator.Contacts(5_000, i => i + 1).Count();
    }
}
