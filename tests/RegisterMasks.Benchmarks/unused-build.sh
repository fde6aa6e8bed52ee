#!/usr/bin/env bash
# What a project that references the package and annotates nothing pays in a real command-line build:
# packs this checkout, writes Unannotated300 (300 plain files) as a project beside a copy that also loads
# a ForAttributeWithMetadataName generator finding nothing and a no-op analyzer (the floor), then builds
# each N times with -p:ReportAnalyzer=true and prints the Csc task's time and each one's own time.
#   bash tests/RegisterMasks.Benchmarks/unused-build.sh [builds=5]
set -euo pipefail
builds=${1:-5}
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
version="0.0.0-unused$(date +%s)"
export UseSharedCompilation=false   # a fresh csc per build: every build pays its JIT, as the first one of a day does

dotnet pack "$root/Generator.sln" -c Release -p:Version="$version" -o "$work/feed" -v q -nologo >/dev/null
dotnet run -c Release --project "$root/tests/RegisterMasks.Benchmarks" -- --write-project Unannotated300 "$work/plain" >/dev/null
mkdir -p "$work/floor-analyzer"
cp "$root/tests/RegisterMasks.Benchmarks/Floor/"* "$work/floor-analyzer/"
dotnet build "$work/floor-analyzer/Floor.csproj" -c Release -o "$work/floor-analyzer/out" -v q -nologo >/dev/null
cp -r "$work/plain" "$work/beside-floor"

write_project() { # dir, extra items
    cat > "$1/Plain.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors></PropertyGroup>
  <ItemGroup><PackageReference Include="RegisterMasks" Version="$version" PrivateAssets="all" />$2</ItemGroup>
</Project>
XML
    echo "<configuration><packageSources><clear /><add key=\"local\" value=\"$work/feed\" /><add key=\"nuget\" value=\"https://api.nuget.org/v3/index.json\" /></packageSources></configuration>" > "$1/nuget.config"
}
write_project "$work/plain" ""
write_project "$work/beside-floor" "<Analyzer Include=\"$work/floor-analyzer/out/Floor.dll\" />"

for project in plain beside-floor; do
    dotnet restore "$work/$project" -v q >/dev/null
    for i in $(seq 1 "$builds"); do
        log="$work/$project-$i.log"
        dotnet build "$work/$project" --no-restore --no-incremental -p:ReportAnalyzer=true -v:d -nologo -clp:PerformanceSummary > "$log" 2>&1
        csc=$(grep -E '^\s+[0-9]+ ms\s+Csc\s' "$log" | awk '{print $1}' | head -1)
        pick() { grep -E "$1" "$log" | awk '{print $1}' | head -1; }
        echo "$project: csc ${csc} ms; generator $(pick 'RegisterMasks.Generator.RegisterMaskGenerator$') s; RegisterMaskAnalyzer $(pick 'RegisterMaskAnalyzer \(') s; MaskUsageAnalyzer $(pick 'MaskUsageAnalyzer \(') s; floor generator $(pick 'Floor.FloorGenerator$') s; no-op analyzer $(pick 'NoOpAnalyzer \(') s"
    done
done
rm -rf "$work"
