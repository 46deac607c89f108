using Endorse.Contacts;

namespace Endorse.Tests.Contacts;

public class SeniorityInferenceTests
{
    [Theory]
    [InlineData("Chief Information Officer", SeniorityTier.CLevel)]
    [InlineData("CFO", SeniorityTier.CLevel)]
    [InlineData("Co-Founder & President", SeniorityTier.CLevel)]
    [InlineData("SVP, Operations", SeniorityTier.VicePresident)]
    [InlineData("Vice President of Sales", SeniorityTier.VicePresident)]
    [InlineData("Head of IT", SeniorityTier.Director)]
    [InlineData("Director, Procurement", SeniorityTier.Director)]
    [InlineData("IT Manager", SeniorityTier.Manager)]
    [InlineData("Product Owner", SeniorityTier.Manager)]
    [InlineData("Team Lead Platform", SeniorityTier.Manager)]
    [InlineData("Software Engineer", SeniorityTier.Practitioner)]
    [InlineData("Executive Assistant to the CEO", SeniorityTier.Practitioner)]
    [InlineData("", SeniorityTier.Unknown)]
    [InlineData("  - ", SeniorityTier.Unknown)]
    [InlineData(null, SeniorityTier.Unknown)]
    [InlineData("Assistant Vice President, Treasury", SeniorityTier.VicePresident)]
    [InlineData("Deputy CEO", SeniorityTier.VicePresident)]
    [InlineData("Chairman of the Board", SeniorityTier.CLevel)]
    [InlineData("Global Head, Procurement", SeniorityTier.Director)]
    public void Infers_the_tier_a_person_would_read_from_an_English_title(string? title, SeniorityTier expected) =>
        Assert.Equal(expected, SeniorityInference.FromTitle(title));

    [Theory]
    [InlineData("Directrice générale", SeniorityTier.CLevel)]
    [InlineData("Directeur Général", SeniorityTier.CLevel)]
    [InlineData("PDG", SeniorityTier.CLevel)]
    [InlineData("Président-directeur général", SeniorityTier.CLevel)]
    [InlineData("Gérante", SeniorityTier.CLevel)]
    [InlineData("Cofondatrice & CTO", SeniorityTier.CLevel)]
    [InlineData("Directeur général adjoint", SeniorityTier.VicePresident)]
    [InlineData("Vice-présidente Ventes", SeniorityTier.VicePresident)]
    [InlineData("Directeur commercial", SeniorityTier.Director)]
    [InlineData("Directrice des systèmes d'information", SeniorityTier.Director)]
    [InlineData("Responsable des achats", SeniorityTier.Manager)]
    [InlineData("Chef de projet", SeniorityTier.Manager)]
    [InlineData("Cheffe d'équipe support", SeniorityTier.Manager)]
    [InlineData("Ingénieure logiciel", SeniorityTier.Practitioner)]
    [InlineData("Assistante de direction", SeniorityTier.Practitioner)]
    [InlineData("Stagiaire marketing", SeniorityTier.Practitioner)]
    public void Reads_French_titles(string title, SeniorityTier expected) =>
        Assert.Equal(expected, SeniorityInference.FromTitle(title));

    [Theory]
    [InlineData("Geschäftsführer", SeniorityTier.CLevel)]
    [InlineData("Geschäftsführerin", SeniorityTier.CLevel)]
    [InlineData("Geschäftsführender Gesellschafter", SeniorityTier.CLevel)]
    [InlineData("Vorstandsvorsitzender", SeniorityTier.CLevel)]
    [InlineData("Mitglied der Geschäftsleitung", SeniorityTier.CLevel)]
    [InlineData("Inhaberin", SeniorityTier.CLevel)]
    [InlineData("Stellvertretender Geschäftsführer", SeniorityTier.VicePresident)]
    [InlineData("Bereichsleiter Vertrieb", SeniorityTier.VicePresident)]
    [InlineData("Vizepräsidentin Finanzen", SeniorityTier.VicePresident)]
    [InlineData("Leiter IT", SeniorityTier.Director)]
    [InlineData("IT-Leiterin", SeniorityTier.Director)]
    [InlineData("Abteilungsleiter Einkauf", SeniorityTier.Director)]
    [InlineData("Vertriebsleiter DACH", SeniorityTier.Director)]
    [InlineData("Leitung Marketing", SeniorityTier.Director)]
    [InlineData("Fachbereichsleiterin Controlling", SeniorityTier.Director)]
    [InlineData("Direktorin Personal", SeniorityTier.Director)]
    [InlineData("Prokurist", SeniorityTier.Director)]
    [InlineData("Teamleiter Kundenservice", SeniorityTier.Manager)]
    [InlineData("Projektleiterin", SeniorityTier.Manager)]
    [InlineData("Gruppenleitung Logistik", SeniorityTier.Manager)]
    [InlineData("Sachbearbeiterin Buchhaltung", SeniorityTier.Practitioner)]
    [InlineData("Assistentin der Geschäftsführung", SeniorityTier.Practitioner)]
    [InlineData("Werkstudent Data Science", SeniorityTier.Practitioner)]
    public void Reads_German_titles(string title, SeniorityTier expected) =>
        Assert.Equal(expected, SeniorityInference.FromTitle(title));

    [Theory]
    [InlineData("Director General", SeniorityTier.CLevel)]
    [InlineData("Directora General", SeniorityTier.CLevel)]
    [InlineData("Consejero Delegado", SeniorityTier.CLevel)]
    [InlineData("Directora Ejecutiva", SeniorityTier.CLevel)]
    [InlineData("Gerente General", SeniorityTier.CLevel)]
    [InlineData("Presidente", SeniorityTier.CLevel)]
    [InlineData("Vicepresidente de Operaciones", SeniorityTier.VicePresident)]
    [InlineData("Directora de Marketing", SeniorityTier.Director)]
    [InlineData("Director de Sistemas", SeniorityTier.Director)]
    [InlineData("Jefe de Compras", SeniorityTier.Manager)]
    [InlineData("Jefa de Proyecto", SeniorityTier.Manager)]
    [InlineData("Gerente de Ventas", SeniorityTier.Manager)]
    [InlineData("Responsable de Calidad", SeniorityTier.Manager)]
    [InlineData("Coordinadora de Logística", SeniorityTier.Manager)]
    [InlineData("Analista de Datos", SeniorityTier.Practitioner)]
    [InlineData("Becario de Finanzas", SeniorityTier.Practitioner)]
    public void Reads_Spanish_titles(string title, SeniorityTier expected) =>
        Assert.Equal(expected, SeniorityInference.FromTitle(title));

    [Theory]
    [InlineData("Amministratore delegato", SeniorityTier.CLevel)]
    [InlineData("Amministratrice Delegata", SeniorityTier.CLevel)]
    [InlineData("Direttore Generale", SeniorityTier.CLevel)]
    [InlineData("Titolare", SeniorityTier.CLevel)]
    [InlineData("Vice Direttore Generale", SeniorityTier.VicePresident)]
    [InlineData("Vicepresidente", SeniorityTier.VicePresident)]
    [InlineData("Direttrice Commerciale", SeniorityTier.Director)]
    [InlineData("Dirigente Area Tecnica", SeniorityTier.Director)]
    [InlineData("Responsabile IT", SeniorityTier.Manager)]
    [InlineData("Responsabile Acquisti", SeniorityTier.Manager)]
    [InlineData("Capo progetto", SeniorityTier.Manager)]
    [InlineData("Coordinatrice di reparto", SeniorityTier.Manager)]
    [InlineData("Impiegata amministrativa", SeniorityTier.Practitioner)]
    [InlineData("Stagista", SeniorityTier.Practitioner)]
    public void Reads_Italian_titles(string title, SeniorityTier expected) =>
        Assert.Equal(expected, SeniorityInference.FromTitle(title));

    [Theory]
    [InlineData("Algemeen directeur", SeniorityTier.CLevel)]
    [InlineData("Algemeen Directrice", SeniorityTier.CLevel)]
    [InlineData("Directeur-eigenaar", SeniorityTier.CLevel)]
    [InlineData("Voorzitter Raad van Bestuur", SeniorityTier.CLevel)]
    [InlineData("Mede-oprichter", SeniorityTier.CLevel)]
    [InlineData("Vicevoorzitter", SeniorityTier.VicePresident)]
    [InlineData("Vice-voorzitter", SeniorityTier.VicePresident)]
    [InlineData("Directeur Operations", SeniorityTier.Director)]
    [InlineData("Hoofd ICT", SeniorityTier.Director)]
    [InlineData("Afdelingshoofd Financiën", SeniorityTier.Director)]
    [InlineData("Teamleider Klantenservice", SeniorityTier.Manager)]
    [InlineData("Projectleider", SeniorityTier.Manager)]
    [InlineData("Coördinator Inkoop", SeniorityTier.Manager)]
    [InlineData("Medewerker Administratie", SeniorityTier.Practitioner)]
    [InlineData("Stagiair", SeniorityTier.Practitioner)]
    public void Reads_Dutch_titles(string title, SeniorityTier expected) =>
        Assert.Equal(expected, SeniorityInference.FromTitle(title));

    [Fact]
    public void Words_drop_accents_case_and_punctuation() =>
        Assert.Equal(["geschaftsfuhrerin", "strasse", "chef", "d", "equipe"], SeniorityInference.Words("Geschäftsführerin, Straße – Chef d'équipe"));

    [Fact]
    public void Every_rule_of_the_table_reads_as_its_own_tier()
    {
        foreach (var (rule, tier) in SeniorityInference.Rules)
        {
            // A rule on its own (a word end or start made into a word) must give its tier.
            var title = rule.Trim('*');
            var inferred = SeniorityInference.FromTitle(title);
            Assert.True(inferred == tier, $"The rule '{rule}' is listed under {tier} but '{title}' reads as {inferred}.");
        }
    }
}
