using PeerBot.Dialogs.Definitions;
using YamlDotNet.RepresentationModel;

namespace PeerBot.Dialogs.Loading;

/// <summary>Reads a dialog file: <c>id</c>, <c>title</c> and a list of <c>steps</c>.</summary>
internal static class DialogFileParser
{
    public static DialogDefinition? Parse(string path, string displayName, YamlErrorSink sink)
    {
        var root = YamlFile.Read(path, string.Empty, sink);
        if (root is null)
            return null;
        var id = root.String("id", required: true);
        root.String("title", required: false);
        var stepsNode = root.Node("steps", required: true);
        root.RejectUnknownKeys();

        var expectedId = Path.GetFileNameWithoutExtension(path);
        if (id is not null && id != expectedId)
            sink.Add(root.Line, "id", $"id '{id}' must match the file name '{expectedId}'");
        if (stepsNode is null || sink.AsList(stepsNode, "steps") is not { } list)
            return null;
        if (list.Count == 0)
        {
            sink.Add(stepsNode, "steps", "a dialog needs at least one step");
            return null;
        }

        var steps = new List<StepDefinition>();
        var allIds = new List<(string Id, int Line)>();
        var complete = true;
        for (var i = 0; i < list.Count; i++)
        {
            var stepId = (list[i] as YamlMappingNode)?.Children
                .FirstOrDefault(c => c.Key is YamlScalarNode { Value: "id" }).Value as YamlScalarNode;
            var label = stepId?.Value is { Length: > 0 } name ? $"steps[{name}]" : $"steps[{i + 1}]";
            if (stepId?.Value is { Length: > 0 } known)
                allIds.Add((known, (int)stepId.Start.Line));
            var mapping = sink.AsMapping(list[i], label);
            var step = mapping is null ? null : StepParser.Parse(mapping, sink);
            if (step is null)
                complete = false;
            else
                steps.Add(step);
        }
        var dialog = new DialogDefinition(id ?? expectedId, displayName, root.Line, steps);
        // With a broken step, only reference checks run: reachability and variables would report its knock-ons.
        DialogChecks.Check(dialog, allIds, complete, sink);
        return id is null || !complete ? null : dialog;
    }
}
