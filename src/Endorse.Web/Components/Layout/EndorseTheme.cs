using MudBlazor;

namespace Endorse.Web.Components.Layout;

public static class EndorseTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2E5AAC",
            Secondary = "#0F8A7E",
            AppbarBackground = "#1F3B73",
            Background = "#F6F7FB",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
