using PeerBot.Dialogs.Loading;
using Xunit;

namespace PeerBot.Tests.Dialogs;

public sealed class DialogLoaderTests
{
    private const string Valid = """
        id: sample
        steps:
          - id: ask
            type: number
            min: 1
            max: 5
            save: mood
            text: { en: "Mood?", es: "¿Ánimo?" }
          - id: say
            type: message
            text: { en: "You said {mood}.", es: "Dijiste {mood}." }
        """;

    [Fact]
    public void Load_ValidNewDialog_HasNoErrors()
    {
        using var dialogs = new TempDialogs().Write("sample.yaml", Valid);

        var result = DialogLoader.Load(dialogs.Folder);

        Assert.True(result.IsValid, result.Describe());
        Assert.NotNull(result.Catalog!.Find("sample"));
    }

    [Fact]
    public void Load_UnknownKey_NamesFileLineAndPath()
    {
        using var dialogs = new TempDialogs().Write("sample.yaml", Valid.Replace("    max: 5", "    max: 5\n    colour: red"));

        var error = Assert.Single(DialogLoader.Load(dialogs.Folder).Errors);

        Assert.Equal(("dialogs/sample.yaml", 7, "steps[ask].colour"), (error.File, error.Line, error.Path));
        Assert.Contains("unknown key 'colour'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DanglingStepReference_NamesTheMissingStep()
    {
        using var dialogs = new TempDialogs().Write("sample.yaml", Valid.Replace("    save: mood", "    save: mood\n    next: nowhere"));

        var errors = DialogLoader.Load(dialogs.Folder).Errors;

        var error = Assert.Single(errors, e => e.Message.Contains("'nowhere'", StringComparison.Ordinal));
        Assert.Equal(("dialogs/sample.yaml", 3, "steps[ask]"), (error.File, error.Line, error.Path));
    }

    [Fact]
    public void Load_UnreachableStep_IsAnError()
    {
        using var dialogs = new TempDialogs().Write("sample.yaml", Valid + """

              - id: stop
                type: end
              - id: orphan
                type: message
                text: { en: "Never", es: "Nunca" }
            """);

        var error = Assert.Single(DialogLoader.Load(dialogs.Folder).Errors);

        Assert.Equal(("dialogs/sample.yaml", 14, "steps[orphan]"), (error.File, error.Line, error.Path));
        Assert.Contains("can never be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TextMissingForSpanish_NamesTheLocale()
    {
        using var dialogs = new TempDialogs().Write("sample.yaml", Valid.Replace(", es: \"Dijiste {mood}.\"", ""));

        var error = Assert.Single(DialogLoader.Load(dialogs.Folder).Errors);

        Assert.Equal(("dialogs/sample.yaml", 11, "steps[say].text.es"), (error.File, error.Line, error.Path));
        Assert.Contains("missing text for locale 'es'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CallToMissingDialog_NamesTheDialog()
    {
        using var dialogs = new TempDialogs().Write("sample.yaml", Valid + "\n  - id: more\n    type: call\n    dialog: ghost\n");

        var error = Assert.Single(DialogLoader.Load(dialogs.Folder).Errors);

        Assert.Equal(("dialogs/sample.yaml", 12, "steps[more].dialog"), (error.File, error.Line, error.Path));
        Assert.Contains("'ghost'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_VariableNeverSet_IsAnError()
    {
        using var dialogs = new TempDialogs().Write("sample.yaml", Valid.Replace("You said {mood}.", "You said {mod}."));

        var error = Assert.Single(DialogLoader.Load(dialogs.Folder).Errors);

        Assert.Equal("steps[say]", error.Path);
        Assert.Contains("'mod'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnreadableCondition_ExplainsTheForm()
    {
        using var dialogs = new TempDialogs().Write("sample.yaml", Valid + """

              - id: check
                type: branch
                when:
                  - if: mood is low
                    next: say
                else: say
            """);

        var error = Assert.Single(DialogLoader.Load(dialogs.Folder).Errors);

        Assert.Equal(("dialogs/sample.yaml", 15, "steps[check].when[1].if"), (error.File, error.Line, error.Path));
    }

    [Fact]
    public void Load_UnknownStepTypeAndDuplicateId_BothReported()
    {
        using var dialogs = new TempDialogs().Write("sample.yaml", Valid + """

              - id: say
                type: dance
            """);

        var errors = DialogLoader.Load(dialogs.Folder).Errors;

        Assert.Contains(errors, e => e.Path == "steps[say].type" && e.Message.Contains("unknown step type 'dance'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 12 && e.Message.Contains("used twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BrokenYamlSyntax_GivesTheLine()
    {
        using var dialogs = new TempDialogs().Write("sample.yaml", "id: sample\nsteps:\n  - id: a\n    text: { en: \"x\"\n");

        var error = Assert.Single(DialogLoader.Load(dialogs.Folder).Errors);

        Assert.Equal("dialogs/sample.yaml", error.File);
        Assert.True(error.Line >= 4, error.ToString());
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GlobalTextMissing_NamesTheKey()
    {
        using var dialogs = new TempDialogs().Edit("global.yaml", "  or:\n", "  nor:\n");

        var errors = DialogLoader.Load(dialogs.Folder).Errors;

        Assert.Contains(errors, e => e.File == "dialogs/global.yaml" && e.Path == "texts" && e.Message.Contains("'or' is missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File == "dialogs/global.yaml" && e.Path == "texts.nor");
    }

    [Fact]
    public void Load_IdNotMatchingFileName_IsAnError()
    {
        using var dialogs = new TempDialogs().Write("sample.yaml", Valid.Replace("id: sample", "id: other"));

        var error = Assert.Single(DialogLoader.Load(dialogs.Folder).Errors);

        Assert.Equal(("dialogs/sample.yaml", "id"), (error.File, error.Path));
    }

    [Fact]
    public void Load_FreeTextCopiedIntoAKeptVariable_IsAnError()
    {
        using var dialogs = new TempDialogs().Write("sample.yaml", Valid + """

              - id: note
                type: text
                save: words
                text: { en: "Say more?", es: "¿Algo más?" }
              - id: keep
                type: set
                var: kept
                value: "{words}"
            """);

        var error = Assert.Single(DialogLoader.Load(dialogs.Folder).Errors);

        Assert.Equal(("dialogs/sample.yaml", 16, "steps[keep]"), (error.File, error.Line, error.Path));
        Assert.Contains("free text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_IsAnErrorNotAnException()
    {
        var result = DialogLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N")));

        Assert.False(result.IsValid);
        Assert.Contains("not found", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }
}
