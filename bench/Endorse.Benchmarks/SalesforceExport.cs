using System.Globalization;
using System.Text;

namespace Endorse.Benchmarks;

/// <summary>
/// Writes a Salesforce-style export (Account.csv, Contact.csv) of a given size, deterministic by seed, to measure the
/// import rate through the real command line: <c>salesforce-csv --accounts 50000 --contacts 1000000 --out /tmp/sf</c>.
/// </summary>
public static class SalesforceExport
{
    private static readonly string[] First = ["Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira", "Liam", "Maria", "Noah", "Olga", "Pablo"];
    private static readonly string[] Last = ["Garcia", "Smith", "Müller", "Rossi", "Nowak", "Dubois", "Silva", "Jensen", "Kowalski", "Brown", "Schmidt", "Moreau", "Santos", "Larsen"];
    private static readonly string[] Titles = ["Chief Information Officer", "VP Operations", "Director of IT", "IT Manager", "Software Engineer", "Head of Procurement", "Team Lead Platform", "Analyst"];
    private static readonly string[] Industries = ["Healthcare", "Financial services", "Manufacturing", "Retail", "Public sector", "Education"];
    private static readonly string[] Countries = ["United States", "Germany", "France", "Brazil", "Japan", "United Kingdom", "Spain"];

    public static int Run(string[] args)
    {
        var accounts = Arg(args, "--accounts", 50_000);
        var contacts = Arg(args, "--contacts", 1_000_000);
        var folder = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "data/bench/salesforce";
        Directory.CreateDirectory(folder);
        var random = new Random(Arg(args, "--seed", 42));

        using (var file = new StreamWriter(Path.Combine(folder, "Account.csv"), false, new UTF8Encoding(false)))
        {
            file.WriteLine("Id,Name,Industry,BillingCountry,NumberOfEmployees,AnnualRevenue,Type,OwnerId,Website");
            for (var i = 0; i < accounts; i++)
            {
                file.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"001B{i:D10},\"Company {i} {Last[random.Next(Last.Length)]}, Inc.\",{Industries[random.Next(Industries.Length)]},{Countries[random.Next(Countries.Length)]},{random.Next(10, 50_000)},{random.Next(1, 9_000) * 100_000},Customer,005B{random.Next(50):D10},www.company{i}.example"));
            }
        }

        using (var file = new StreamWriter(Path.Combine(folder, "Contact.csv"), false, new UTF8Encoding(false)))
        {
            file.WriteLine("Id,AccountId,FirstName,LastName,Title,Email,Phone,OwnerId");
            for (var i = 0; i < contacts; i++)
            {
                var first = First[random.Next(First.Length)];
                var last = Last[random.Next(Last.Length)];
                file.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"003B{i:D10},001B{random.Next(accounts):D10},{first},{last},{Titles[random.Next(Titles.Length)]},{first.ToLowerInvariant()}.{i}@company.example,+1 555 {random.Next(1000, 9999)},005B{random.Next(50):D10}"));
            }
        }

        Console.WriteLine($"Wrote {accounts:N0} accounts and {contacts:N0} contacts to {Path.GetFullPath(folder)}");
        return 0;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var value = args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return value is not null && int.TryParse(value, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;
    }
}
