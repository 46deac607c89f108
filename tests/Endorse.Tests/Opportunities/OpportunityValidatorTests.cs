using Endorse.Opportunities;

namespace Endorse.Tests.Opportunities;

public class OpportunityValidatorTests
{
    private static readonly OpportunityInput Valid = new("Acme renewal", 1, "Negotiation", 12_500m, "EUR", new DateOnly(2026, 12, 1), false, false, null, null);

    [Fact]
    public void A_complete_opportunity_is_valid() => Assert.True(OpportunityValidator.Validate(Valid).IsValid);

    [Fact]
    public void A_name_is_required() => Assert.Equal(["name"], Fields(Valid with { Name = "  " }));

    [Fact]
    public void An_amount_is_zero_or_more()
    {
        Assert.Equal(["amount"], Fields(Valid with { Amount = -1m }));
        Assert.True(OpportunityValidator.Validate(Valid with { Amount = 0m }).IsValid);
    }

    [Theory]
    [InlineData("EURO")]
    [InlineData("E1R")]
    [InlineData("€")]
    public void The_currency_is_a_three_letter_code(string currency) => Assert.Equal(["currency"], Fields(Valid with { Currency = currency }));

    [Fact]
    public void An_amount_has_a_currency() => Assert.Equal(["currency"], Fields(Valid with { Currency = null }));

    [Fact]
    public void A_close_date_is_required() => Assert.Equal(["closeDate"], Fields(Valid with { CloseDate = null }));

    [Fact]
    public void A_won_opportunity_is_closed()
    {
        Assert.Equal(["isWon"], Fields(Valid with { IsWon = true }));
        Assert.True(OpportunityValidator.Validate(Valid with { IsWon = true, IsClosed = true }).IsValid);
    }

    [Fact]
    public void The_stage_is_at_most_100_characters() => Assert.Equal(["stage"], Fields(Valid with { Stage = new string('s', 101) }));

    private static IEnumerable<string> Fields(OpportunityInput input) => OpportunityValidator.Validate(input).ToDictionary().Keys;
}
