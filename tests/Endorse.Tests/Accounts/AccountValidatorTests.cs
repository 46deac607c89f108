using Endorse.Accounts;

namespace Endorse.Tests.Accounts;

public class AccountValidatorTests
{
    private readonly AccountValidator validator = new();

    private static AccountInput Valid() => new() { Name = "Northwind", Website = "https://northwind.example", SatisfactionKind = SatisfactionKind.Nps, SatisfactionScore = 30 };

    private IReadOnlyDictionary<string, string[]> Errors(AccountInput input, AccountReferences? references = null) => validator.Validate(input, references).ToDictionary();

    [Fact]
    public void A_complete_account_is_valid() => Assert.Empty(Errors(Valid()));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_name_is_required(string? name)
    {
        var input = Valid();
        input.Name = name;
        Assert.Contains("required", Assert.Single(Errors(input)["name"]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_name_is_at_most_255_characters()
    {
        var input = Valid();
        input.Name = new string('a', 255);
        Assert.Empty(Errors(input));
        input.Name = new string('a', 256);
        Assert.Contains("255", Assert.Single(Errors(input)["name"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("northwind.example", true)]
    [InlineData("http://www.northwind.example/about", true)]
    [InlineData("not a website", false)]
    [InlineData("ftp://northwind.example", false)]
    [InlineData("localhost", false)]
    [InlineData("javascript:alert(1)", false)]
    public void The_website_must_be_a_web_address(string website, bool valid)
    {
        var input = Valid();
        input.Website = website;
        Assert.Equal(valid, !Errors(input).ContainsKey("website"));
    }

    [Theory]
    [InlineData(SatisfactionKind.Nps, -100, true)]
    [InlineData(SatisfactionKind.Nps, 100, true)]
    [InlineData(SatisfactionKind.Nps, -101, false)]
    [InlineData(SatisfactionKind.Nps, 101, false)]
    [InlineData(SatisfactionKind.Csat, 0, true)]
    [InlineData(SatisfactionKind.Csat, 100, true)]
    [InlineData(SatisfactionKind.Csat, -1, false)]
    [InlineData(SatisfactionKind.Csat, 101, false)]
    public void The_satisfaction_score_fits_its_scale(SatisfactionKind kind, int score, bool valid)
    {
        var input = Valid();
        input.SatisfactionKind = kind;
        input.SatisfactionScore = score;
        Assert.Equal(valid, !Errors(input).ContainsKey("satisfactionScore"));
    }

    [Fact]
    public void A_score_needs_to_say_how_it_was_measured()
    {
        var input = Valid();
        input.SatisfactionKind = SatisfactionKind.None;
        Assert.True(Errors(input).ContainsKey("satisfactionKind"));
    }

    [Fact]
    public void The_renewal_cannot_come_before_the_contract_was_signed()
    {
        var input = Valid();
        input.ContractSignedOn = new DateOnly(2024, 5, 1);
        input.RenewalOn = new DateOnly(2024, 4, 30);
        Assert.True(Errors(input).ContainsKey("renewalOn"));
        input.RenewalOn = new DateOnly(2024, 5, 1);
        Assert.Empty(Errors(input));
    }

    [Fact]
    public void Dates_must_be_plausible()
    {
        var input = Valid();
        input.CustomerSince = new DateOnly(1066, 10, 14);
        input.RenewalOn = new DateOnly(9999, 1, 1);
        var errors = Errors(input);
        Assert.True(errors.ContainsKey("customerSince"));
        Assert.True(errors.ContainsKey("renewalOn"));
    }

    [Fact]
    public void Enums_must_be_defined_values()
    {
        var input = Valid();
        input.DisclosurePermission = (DisclosurePermission)42;
        input.SizeBand = (SizeBand)(-1);
        var errors = Errors(input);
        Assert.True(errors.ContainsKey("disclosurePermission"));
        Assert.True(errors.ContainsKey("sizeBand"));
    }

    [Fact]
    public void Negative_counts_are_refused()
    {
        var input = Valid();
        input.Employees = -5;
        input.OpenEscalations = -1;
        var errors = Errors(input);
        Assert.True(errors.ContainsKey("employees"));
        Assert.True(errors.ContainsKey("openEscalations"));
    }

    [Fact]
    public void Referenced_ids_must_exist()
    {
        var input = Valid();
        input.SectorId = 1;
        input.RegionId = 2;
        input.SalesAreaId = 3;
        input.OwnerId = "user-1";
        input.Products = [new AccountProductInput { ProductId = 7 }, new AccountProductInput { ProductId = 8 }];
        var errors = Errors(input, new AccountReferences(false, false, false, false, new HashSet<int> { 7 }));
        Assert.Equal(["ownerId", "products[1].productId", "regionId", "salesAreaId", "sectorId"], errors.Keys.Order().ToArray());

        Assert.Empty(Errors(input, new AccountReferences(true, true, true, true, new HashSet<int> { 7, 8 })));
    }

    [Fact]
    public void A_product_is_owned_once()
    {
        var input = Valid();
        input.Products = [new AccountProductInput { ProductId = 7 }, new AccountProductInput { ProductId = 7 }];
        Assert.Contains("twice", Assert.Single(Errors(input)["products[1].productId"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Script_tags_are_text_not_an_error()
    {
        var input = Valid();
        input.Name = "<script>alert(1)</script>";
        Assert.Empty(Errors(input));
    }
}
