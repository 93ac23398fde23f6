import json,random,glob,os,re
pairs=json.load(open('/work/notes/ann26s/pairs-all.json'))
labels={}
for f in glob.glob('/work/notes/ann26s/label-part*.tsv'):
    for l in open(f):
        x=l.rstrip('\n').split('\t')
        if len(x)>=2: labels[x[0]]=x[1]
rep=[json.loads(l) for l in open('/tmp/st/reprint-sources-seed2621.jsonl')]
written={}
for f in glob.glob('/work/notes/ann26s/reprint-part*.jsonl'):
    for l in open(f):
        if l.strip():
            o=json.loads(l); written[o['pid']]=o
def side(d): return {k:d[k] for k in ('id','title','body','date','source')}
out=[]
for p in pairs:
    out.append(dict(pair=p['pid'],kind=p['kind'],label=labels[p['pid']],a=side(p['a']),b=side(p['b'])))
for i,r in enumerate(rep):
    pid=f'p{i+1:03d}'
    if pid not in written: continue
    a=r['a']; w=written[pid]
    drop = bool(re.search(r'联播快讯|聯播快訊', a['title']))  # a roundup whole: the index splits it into items
    direction='tw2cn' if a['corpus']=='tw' else 'cn2tw'
    re_doc=dict(id='reprint:'+a['id'],title=w['title'],body=w['body'],date=a['date'],source='reprint ('+direction+')')
    out.append(dict(pair=pid,kind='reprint-'+direction,label='same',a=side(a),b=re_doc,drop=drop))
    nid=f'n{i+1:03d}'
    if r['neighbour'] and nid in labels:
        out.append(dict(pair='q'+pid[1:],kind='reprint-vs-neighbour',label=labels[nid],a=re_doc,b=side(r['neighbour']),drop=drop))
rng=random.Random(2622)
for o in out: o['split']='dev' if rng.random()<1/3 else 'test'
out=[o for o in out if not o.get('drop')]
with open('/work/main/bench/src/main/resources/stories/pairs.jsonl','w') as f:
    for o in out: f.write(json.dumps(dict(pair=o['pair'],kind=o['kind'],split=o['split'],label=o['label'],a=o['a'],b=o['b']),ensure_ascii=False)+'\n')
import collections
print(len(out), collections.Counter((o['split'],o['label']) for o in out), collections.Counter(o['kind'] for o in out))
