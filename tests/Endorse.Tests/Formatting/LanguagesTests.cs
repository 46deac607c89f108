using Endorse.Formatting;

namespace Endorse.Tests.Formatting;

public class LanguagesTests
{
    [Theory]
    [InlineData("en, de", "en,de")]
    [InlineData("English", "en")]
    [InlineData("English, German", "en,de")]
    [InlineData("english;GERMAN / fr", "en,de,fr")]
    [InlineData("Deutsch and Français", "de,fr")]
    [InlineData("en-GB, pt_BR", "en,pt")]
    [InlineData("deu, eng, en", "de,en")]
    [InlineData("Norwegian Bokmål", "nb")]
    public void Free_text_is_read_as_codes(string text, string stored)
    {
        var list = Languages.Parse(text);
        Assert.True(list.IsValid, string.Join(", ", list.Unknown));
        Assert.Equal(stored, Languages.Store(list.Codes));
    }

    [Fact]
    public void Unknown_languages_are_named_back()
    {
        var list = Languages.Parse("English, Klingon, Elvish");
        Assert.Equal(["en"], list.Codes);
        Assert.Equal(["Klingon", "Elvish"], list.Unknown);
        Assert.Contains("“Klingon”", LanguageText.Unknown(list.Unknown), StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_are_shown_by_name()
    {
        Assert.Equal("German, English", Languages.Describe("de,en"));
        Assert.Equal("German", LanguageText.Name("de-AT"));
        Assert.True(Languages.All.Count > 180);
        Assert.Equal("Abkhazian", Languages.All[0].Name);
    }
}
