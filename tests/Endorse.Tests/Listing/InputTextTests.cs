using Endorse.Listing;

namespace Endorse.Tests.Listing;

public class InputTextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Müller & Söhne")]
    [InlineData("O'Brien; DROP TABLE x --")]
    [InlineData("emoji 😀 and 中文")]
    public void Ordinary_text_is_accepted(string? value) => Assert.Null(InputText.Problem(value, 100));

    [Theory]
    [InlineData("a\0b", "must not contain a NUL character.")]
    [InlineData("\u0001", "must not contain control characters (found U+0001).")]
    [InlineData("a\u001bb", "must not contain control characters (found U+001B).")]
    [InlineData("tab\there", "must not contain control characters (found U+0009).")]
    [InlineData("\u007f", "must not contain control characters (found U+007F).")]
    [InlineData("\u0085", "must not contain control characters (found U+0085).")]
    public void Control_characters_are_refused_with_the_reason(string value, string reason) =>
        Assert.Equal(reason, InputText.Problem(value, 100));

    [Fact]
    public void Half_of_a_surrogate_pair_is_refused_and_a_whole_pair_is_not()
    {
        // Built in code: an attribute's strings are stored as UTF-8, which has no form for half a pair.
        foreach (var value in new[] { "half " + (char)0xD800 + " pair", (char)0xDC00 + " low first", "ends high " + (char)0xD83D })
        {
            Assert.Equal("contains an invalid character (half of a surrogate pair).", InputText.Problem(value, 100));
        }

        Assert.Null(InputText.Problem("pair " + (char)0xD83D + (char)0xDE00, 100));
    }

    [Fact]
    public void Free_text_may_hold_line_breaks_and_tabs_but_never_a_NUL()
    {
        Assert.Null(InputText.Problem("line one\r\nline\ttwo", multiline: true));
        Assert.Equal("must not contain a NUL character.", InputText.Problem("a\0", multiline: true));
        Assert.NotNull(InputText.Problem("line one\nline two"));
    }

    [Fact]
    public void Length_is_bounded_and_a_search_longer_than_any_name_is_refused()
    {
        Assert.Null(InputText.Problem(new string('x', 10), 10));
        Assert.Equal("must be at most 10 characters.", InputText.Problem(new string('x', 11), 10));
        Assert.Null(InputText.SearchProblem(new string('x', InputText.MaxSearchLength)));
        Assert.Equal("must be at most 200 characters.", InputText.SearchProblem(new string('x', InputText.MaxSearchLength + 1)));
    }

    [Fact]
    public void Clean_drops_what_is_refused_and_keeps_the_rest()
    {
        Assert.Equal("ab", InputText.Clean("a\0b"));
        Assert.Equal("x y 😀", InputText.Clean("x\u0001 y " + (char)0xD800 + "😀" + (char)0xDC00));
        var same = "untouched";
        Assert.Same(same, InputText.Clean(same));
    }

    [Fact]
    public void A_search_normalizes_without_throwing_on_what_a_page_lets_through()
    {
        Assert.Equal("ab", SearchText.Normalize("A\0B"));
        Assert.Equal("muller", SearchText.Normalize("Mül" + (char)0xD800 + "ler"));
    }

    [Fact]
    public void Pages_far_beyond_the_end_do_not_overflow()
    {
        var request = new PageRequest(int.MaxValue, int.MaxValue);
        Assert.Equal(PageRequest.MaxPage, request.SafePage);
        Assert.True(request.Skip > 0);
        Assert.Equal(0, new PageRequest(-5, 0).Skip);
    }

    [Fact]
    public void Dates_are_accepted_from_1900_to_2199()
    {
        Assert.True(InputDates.InRange(new DateOnly(1900, 1, 1)));
        Assert.True(InputDates.InRange(new DateOnly(2199, 12, 31)));
        Assert.False(InputDates.InRange(DateOnly.MinValue));
        Assert.False(InputDates.InRange(DateOnly.MaxValue));
        Assert.False(InputDates.InRange(DateTimeOffset.MaxValue));
    }
}
