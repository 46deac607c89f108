using System.Text;
using Endorse.Import;

namespace Endorse.Web.Hosting;

/// <summary>
/// Two small HubSpot exports the demo imports on a first start, so its Imports page shows a report at work: industries
/// with no sector to create or map, a deals export with a custom pipeline's stages to say what they mean, warnings.
/// </summary>
public static class DemoImports
{
    public const int Companies = 4;
    public const int Deals = 6;

    private const string CompaniesCsv =
        "\"Record ID\",\"Company name\",\"Company Domain Name\",\"Create Date\",\"Company owner\",\"City\",\"Country/Region\",\"Industry\",\"Lifecycle Stage\",\"Type\",\"Number of Employees\",\"Annual Revenue\"\n" +
        "\"7700101\",\"Harborview Medical Group\",\"harborview-medical.example\",\"2022-03-14 09:12\",\"\",\"Seattle\",\"United States\",\"Hospital & Health Care\",\"Customer\",\"\",\"3100\",\"410000000\"\n" +
        "\"7700102\",\"Rheinland Biologics GmbH\",\"rheinland-bio.example\",\"2023-06-02 11:40\",\"\",\"Köln\",\"Germany\",\"Biotechnology\",\"Lead\",\"Prospect\",\"260\",\"48000000\"\n" +
        "\"7700103\",\"Thames Mutual plc\",\"thames-mutual.example\",\"2021-01-19 15:03\",\"\",\"London\",\"United Kingdom\",\"Financial Services\",\"Evangelist\",\"\",\"5200\",\"1900000000\"\n" +
        "\"7700104\",\"Grachten Software B.V.\",\"grachten.example\",\"2024-02-08 08:00\",\"\",\"Amsterdam\",\"Netherlands\",\"Computer Software\",\"\",\"Partner\",\"75\",\"9000000\"\n";

    private const string DealsCsv =
        "\"Record ID\",\"Deal Name\",\"Pipeline\",\"Deal Stage\",\"Amount\",\"Close Date\",\"Deal owner\",\"Create Date\",\"Associated Company IDs\"\n" +
        "\"8800201\",\"Harborview - patient portal\",\"Sales Pipeline\",\"Closed Won\",\"240000\",\"2025-05-30 00:00\",\"\",\"2025-01-12 09:00\",\"7700101\"\n" +
        "\"8800202\",\"Harborview - analytics add-on\",\"Sales Pipeline\",\"Contract Sent\",\"60000\",\"2026-06-30 00:00\",\"\",\"2025-10-02 10:00\",\"7700101\"\n" +
        "\"8800203\",\"Rheinland - pilot\",\"Sales Pipeline\",\"Closed Lost\",\"35000\",\"2025-03-31 00:00\",\"\",\"2024-12-01 12:00\",\"7700102\"\n" +
        "\"8800204\",\"Thames Mutual - renewal\",\"Renewals\",\"closedwon\",\"310000\",\"2025-09-30 00:00\",\"\",\"2025-06-01 08:30\",\"7700103\"\n" +
        "\"8800205\",\"Grachten - OEM bundle\",\"Partner Pipeline\",\"1109283746\",\"28000\",\"2025-11-15 00:00\",\"\",\"2025-08-05 12:00\",\"7700104\"\n" +
        "\"8800206\",\"Grachten - services\",\"Partner Pipeline\",\"Verbal commit\",\"12000\",\"2026-04-30 00:00\",\"\",\"2025-11-20 16:45\",\"7700104\"\n";

    /// <summary>Imports the companies, then the deals, as an importer would through the page.</summary>
    public static async Task RunAsync(IServiceProvider services, TimeProvider clock)
    {
        var runner = services.GetRequiredService<ImportRunner>();
        foreach (var (entity, fileName, content) in new[] { (ImportEntity.Accounts, "hubspot-companies.csv", CompaniesCsv), (ImportEntity.Opportunities, "hubspot-deals.csv", DealsCsv) })
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            var run = new ImportRun
            {
                Format = ImportFormat.HubSpot,
                Entity = entity,
                FileName = fileName,
                FileSize = bytes.Length,
                RequestedByName = "demo data",
                CreatedAt = clock.GetUtcNow(),
            };
            await using var stream = new MemoryStream(bytes);
            await runner.RunNowAsync(run, stream);
        }
    }
}
