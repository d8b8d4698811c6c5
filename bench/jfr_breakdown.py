#!/usr/bin/env python3
"""Breaks a JFR CPU profile of the Spark benchmark down by what each sample was doing.

Usage: jfr print --stack-depth 64 --events jdk.ExecutionSample bench.jfr > samples.txt
       python3 bench/jfr_breakdown.py samples.txt

Each sample is assigned to the first of these found walking from the leaf: the native path
(NativeFunction, split by the step: kernel of which activation, reading, writing), the identity
UDF's vector conversions, the projection writing the output row, the checksum, input generation,
the cached-input scan; the rest is "other" (compilation, class loading, the driver)."""
import re,collections,sys
txt=open(sys.argv[1]).read()
events=txt.split('jdk.ExecutionSample')
ACT='io.github.sparkactivations.activation.'
GENERIC={'ElementwiseActivation','BulkPath','VectorPath','ScalarPath','FastMath','VectorFastMath','KernelPath','SoftmaxRows','RowwiseActivation','Numerics'}
stage=collections.defaultdict(collections.Counter); tot=collections.Counter()
def cls(f):
    if 'NativeFunction' in f: return 'native'
    if 'VectorUDT' in f or 'CatalystTypeConverters' in f: return 'identity UDF: VectorUDT (de)serialize'
    if 'UnsafeRowWriter' in f or 'UnsafeWriter' in f or 'BufferHolder' in f: return 'projection: write the output row'
    if 'checksum' in f: return 'checksum (bench harness reads every output value)'
    if 'Random' in f or 'registerGenerators' in f: return 'input generation'
    if 'InMemory' in f or '.columnar.' in f: return 'cached-input scan'
    return None
for ev in events:
    frames=re.findall(r'^\s+([\w.$<>]+)\(.*?line: \d+',ev,re.M)
    if not frames: continue
    key=None
    for i,f in enumerate(frames):
        key=cls(f)
        if key: break
    if key is None: key='other'; part=frames[0]
    elif key=='native':
        acts=[g[len(ACT):].split('.')[0] for g in frames[:i] if g.startswith(ACT)]
        named=[a for a in acts if a not in GENERIC]
        who=named[-1] if named else (acts[-1] if acts else '')
        part=frames[i-1] if i>0 else frames[i]
        part='.'.join(part.split('.')[-2:])
        if part.startswith('CellFunction'): part='kernel '+(who or '?')+' ('+part.split('.')[-1]+')'
    else:
        part=frames[0].split('.')[-1]
    stage[key][part]+=1; tot[key]+=1
n=sum(tot.values()); print('samples',n)
for k,v in tot.most_common():
    print(f"{v:6d} {100*v/n:5.1f}% {k}")
    for p,c in stage[k].most_common(8):
        print(f"         {c:6d} {100*c/n:5.1f}% {p}")
