namespace PeerBot.Safety.Matching;

internal enum ElementKind
{
    Literal,
    Class,
    Any,
    Gap,
}

/// <summary>One position of a compiled pattern: a word, a word class, any one word, or a gap of 0–N words.</summary>
internal readonly record struct PatternElement(ElementKind Kind, int Value);

/// <summary>
/// What a pattern means when it matches: a rule, an exclusion, one of the modifier cues, or one part of a
/// co-occurrence rule (Index = the part's global index, see <see cref="CompiledLexicon.PartRules"/>).
/// </summary>
internal enum TargetKind
{
    Rule,
    Exclusion,
    Negation,
    NegationAfter,
    PseudoNegation,
    Past,
    Recent,
    Part,
}

internal readonly record struct PatternTarget(TargetKind Kind, int Index);

/// <summary>A pattern hit over tokens [Start, End].</summary>
internal readonly record struct PatternMatch(int Target, int Start, int End);
