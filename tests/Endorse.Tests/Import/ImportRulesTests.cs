using System.Text;
using Endorse.Import;
using Endorse.Taxonomy;

namespace Endorse.Tests.Import;

public class ImportValuesTests
{
    [Theory]
    [InlineData("2024-06-30", 2024, 6, 30)]
    [InlineData("2024-06-30T10:15:00.000+0000", 2024, 6, 30)]
    [InlineData("2024-06-30T23:30:00.000-0500", 2024, 7, 1)]
    [InlineData("2024-06-30T10:15:00Z", 2024, 6, 30)]
    [InlineData("2024-06-30T10:15:00.000Z", 2024, 6, 30)]
    [InlineData("2024-06-30T10:15:00+02:00", 2024, 6, 30)]
    [InlineData("2024-06-30 10:15", 2024, 6, 30)]
    public void Salesforce_and_iso_dates_parse(string text, int year, int month, int day)
    {
        Assert.True(ImportValues.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("31/12/2024")]
    [InlineData("12/31/2024")]
    [InlineData("2024-13-01")]
    [InlineData("yesterday")]
    public void Other_date_formats_are_refused(string text) => Assert.False(ImportValues.TryParseDate(text, out _));

    [Fact]
    public void An_empty_date_is_null_not_an_error()
    {
        Assert.True(ImportValues.TryParseDate("  ", out var date));
        Assert.Null(date);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void Booleans_parse(string text, bool expected)
    {
        Assert.True(ImportValues.TryParseBool(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    public void Other_booleans_are_refused(string text) => Assert.False(ImportValues.TryParseBool(text, out _));

    [Theory]
    [InlineData("250000000.50", "250000000.50")]
    [InlineData("-3", "-3")]
    [InlineData("1e6", "1000000")]
    public void Numbers_parse_invariantly(string text, string expected)
    {
        Assert.True(ImportValues.TryParseDecimal(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1.000,50")]
    [InlineData("lots")]
    [InlineData("$100")]
    public void Non_numbers_are_refused(string text) => Assert.False(ImportValues.TryParseDecimal(text, out _));

    [Fact]
    public void Whole_numbers_accept_a_zero_fraction_but_not_a_real_one()
    {
        Assert.True(ImportValues.TryParseInt("250.0", out var employees));
        Assert.Equal(250, employees);
        Assert.False(ImportValues.TryParseInt("250.5", out _));
        Assert.False(ImportValues.TryParseInt("99999999999", out _));
    }

    [Fact]
    public void The_first_of_several_hubspot_ids_is_the_primary() => Assert.Equal("9001", ImportValues.FirstId(" 9001;9002 "));
}

public class ImportFieldsTests
{
    [Theory]
    [InlineData("Account.csv", ImportEntity.Accounts)]
    [InlineData("Contact.csv", ImportEntity.Contacts)]
    [InlineData("Opportunity.csv", ImportEntity.Opportunities)]
    [InlineData("hubspot-crm-exports-all-companies-2024.csv", ImportEntity.Accounts)]
    [InlineData("all-deals.csv", ImportEntity.Opportunities)]
    public void The_entity_is_detected_from_the_file_name(string fileName, ImportEntity expected) =>
        Assert.Equal(expected, ImportFields.Detect(ImportFormat.Salesforce, fileName, []));

    [Fact]
    public void Without_a_telling_name_the_header_decides()
    {
        Assert.Equal(ImportEntity.Contacts, ImportFields.Detect(ImportFormat.Salesforce, "export.csv", ["Id", "AccountId", "FirstName", "LastName"]));
        Assert.Equal(ImportEntity.Opportunities, ImportFields.Detect(ImportFormat.Salesforce, "export.csv", ["Id", "Name", "StageName"]));
        Assert.Equal(ImportEntity.Accounts, ImportFields.Detect(ImportFormat.HubSpot, "export.csv", ["Record ID", "Company name"]));
        Assert.Null(ImportFields.Detect(ImportFormat.GenericCsv, "export.csv", ["Code", "Company"]));
    }

    [Fact]
    public void Missing_required_columns_are_named()
    {
        var (_, missing) = ImportFields.Resolve(ImportFormat.Salesforce, ImportEntity.Contacts, ["Id", "FirstName", "lastname"], null);
        Assert.Equal(["'AccountId'"], missing);
    }

    [Fact]
    public void Hubspot_contacts_take_either_company_column()
    {
        var (indexes, missing) = ImportFields.Resolve(ImportFormat.HubSpot, ImportEntity.Contacts, ["Record ID", "Last Name", "Company ID"], null);
        Assert.Empty(missing);
        Assert.Equal(2, indexes[ImportFields.Account]);
    }

    [Fact]
    public void Generic_files_use_the_mapping()
    {
        var mapping = new Dictionary<string, string> { ["Id"] = "Code", ["Name"] = "Company" };
        var (indexes, missing) = ImportFields.Resolve(ImportFormat.GenericCsv, ImportEntity.Accounts, ["Company", "Code"], mapping);
        Assert.Empty(missing);
        Assert.Equal((1, 0, -1), (indexes["Id"], indexes["Name"], indexes["Sector"]));
    }
}

/// <summary>An imported account's billing country places it in a region, as the CRM spells the country.</summary>
public class BillingCountryRegionTests
{
    private readonly RegionCountries regions = new([(1, "Germany, DE, United Kingdom, GB"), (2, "United States,US,USA")]);

    [Theory]
    [InlineData("Germany", 1)]
    [InlineData("de", 1)]
    [InlineData("Deutschland", 1)]
    [InlineData("united kingdom", 1)]
    [InlineData("United-States", 2)]
    [InlineData("U.S.A.", 2)]
    [InlineData("USA", 2)]
    public void Countries_match_by_name_or_code(string country, int region) => Assert.Equal(region, regions.RegionFor(country));

    [Theory]
    [InlineData("Japan")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_countries_have_no_region(string? country) => Assert.Null(regions.RegionFor(country));
}

public class CountingStreamTests
{
    [Fact]
    public void A_line_longer_than_the_limit_fails_as_soon_as_it_passes_it()
    {
        var bytes = Encoding.ASCII.GetBytes("short\n" + new string('x', 5000) + "\n");
        using var stream = new CountingStream(new MemoryStream(bytes), 1000);
        var buffer = new byte[256];
        var read = 0L;
        var error = Assert.Throws<ImportFileException>(() =>
        {
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                read += n;
            }
        });
        Assert.Contains("longer than", error.Message, StringComparison.Ordinal);
        Assert.True(stream.BytesRead < 1300);
    }

    [Fact]
    public void Lines_within_the_limit_are_counted()
    {
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(new string('y', 900) + "\n", 20)));
        using var stream = new CountingStream(new MemoryStream(bytes), 1000);
        stream.CopyTo(Stream.Null, 300);
        Assert.Equal(bytes.Length, stream.BytesRead);
    }
}
