using BenchmarkDotNet.Running;
using Endorse.Benchmarks;

// dotnet run -c Release --project bench/Endorse.Benchmarks -- scale [options]   list/search queries at scale
// dotnet run -c Release --project bench/Endorse.Benchmarks -- micro [BenchmarkDotNet args]   in-process hot paths
// dotnet run -c Release --project bench/Endorse.Benchmarks -- salesforce-csv --accounts 50000 --contacts 1000000 --out DIR   an export to import
// dotnet run -c Release --project bench/Endorse.Benchmarks -- matching [options]   MatchIndex vs NaiveMatcher at scale
// dotnet run -c Release --project bench/Endorse.Benchmarks -- api [options]   the API over HTTP with wrk, against a bare Kestrel endpoint
// dotnet run -c Release --project bench/Endorse.Benchmarks -- discovery [options]   candidate discovery at scale, cold and warm
if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(HotPathBenchmarks).Assembly).Run(args[1..]);
    return 0;
}

if (args.Length > 0 && args[0] == "salesforce-csv")
{
    return SalesforceExport.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "scale")
{
    return await ScaleHarness.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "explain-lists")
{
    return ListSql.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "api")
{
    return await ApiHarness.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "matching")
{
    return await MatchingHarness.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "discovery")
{
    return await DiscoveryHarness.RunAsync(args[1..]);
}

Console.WriteLine(ScaleHarness.Usage);
Console.WriteLine(MatchingHarness.Usage);
Console.WriteLine(ApiHarness.Usage);
Console.WriteLine(DiscoveryHarness.Usage);
Console.WriteLine("       dotnet run -c Release --project bench/Endorse.Benchmarks -- micro --filter '*'");
return 2;
