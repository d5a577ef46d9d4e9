using PeerBot.Dialogs.Definitions;

namespace PeerBot.Dialogs.Loading;

/// <summary>
/// Loads <c>dialogs/*.yaml</c> (not sub-folders: <c>dialogs/safety/</c> belongs to the safety lexicon). Every
/// problem is reported with file, line and path; nothing is half-loaded.
/// </summary>
public static class DialogLoader
{
    /// <summary>Loads a whole folder (with cross-file checks) or, given a file, checks that file alone.</summary>
    public static DialogLoadResult Load(string path)
    {
        if (File.Exists(path))
            return LoadFile(path);
        var errors = new List<DialogLoadError>();
        if (!Directory.Exists(path))
        {
            errors.Add(new DialogLoadError(path, 0, "(folder)", "dialogs folder not found"));
            return new DialogLoadResult(null, errors);
        }

        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
        GlobalDefinition? global = null;
        var dialogs = new Dictionary<string, DialogDefinition>(StringComparer.Ordinal);
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(path, "*.yaml").Order(StringComparer.Ordinal))
        {
            var display = $"{folderName}/{Path.GetFileName(file)}";
            files.Add(Path.GetFileNameWithoutExtension(file));
            var sink = new YamlErrorSink(display, errors);
            if (IsGlobal(file))
                global = GlobalFileParser.Parse(file, display, sink);
            else if (DialogFileParser.Parse(file, display, sink) is { } dialog)
                dialogs[dialog.Id] = dialog;
        }
        if (global is null && !Directory.GetFiles(path, "*.yaml").Any(IsGlobal))
            errors.Add(new DialogLoadError($"{folderName}/{GlobalDefinition.FileName}", 0, "(file)", "file is missing"));

        CrossChecks(global, dialogs, files, errors);
        var catalog = errors.Count == 0 && global is not null ? new DialogCatalog(global, dialogs) : null;
        return new DialogLoadResult(catalog, errors);
    }

    private static DialogLoadResult LoadFile(string file)
    {
        var errors = new List<DialogLoadError>();
        var sink = new YamlErrorSink(Path.GetFileName(file), errors);
        if (IsGlobal(file))
            GlobalFileParser.Parse(file, sink.File, sink);
        else
            DialogFileParser.Parse(file, sink.File, sink);
        return new DialogLoadResult(null, errors);
    }

    private static bool IsGlobal(string file) =>
        string.Equals(Path.GetFileName(file), GlobalDefinition.FileName, StringComparison.Ordinal);

    private static void CrossChecks(
        GlobalDefinition? global, Dictionary<string, DialogDefinition> dialogs, HashSet<string> files,
        List<DialogLoadError> errors)
    {
        foreach (var dialog in dialogs.Values)
        {
            foreach (var step in dialog.Steps)
            {
                var target = step switch { CallStep c => c.Dialog, GoStep g => g.Dialog, _ => null };
                // A file that exists but has its own errors is reported once, there.
                if (target is not null && !files.Contains(target))
                    errors.Add(new DialogLoadError(dialog.File, step.Line, $"steps[{step.Id}].dialog",
                        $"dialog '{target}' does not exist (no {target}.yaml)"));
            }
        }
        if (global is null)
            return;
        foreach (var (key, target) in new[]
                 {
                     ("main", global.Main), ("welcome", global.Welcome), ("help", global.Help),
                     ("peer-offer", global.PeerOffer), ("plan", global.Plan), ("goals", global.Goals),
                 })
        {
            if (!files.Contains(target))
                errors.Add(new DialogLoadError(global.File, global.Line, key,
                    $"dialog '{target}' does not exist (no {target}.yaml)"));
        }
    }
}
