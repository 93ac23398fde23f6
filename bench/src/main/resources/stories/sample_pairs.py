import sys,json,gzip,glob,re,random,collections,hashlib,datetime
import numpy as np
SEED=int(sys.argv[1])
rng=random.Random(SEED)
docs=[]
for f in sorted(glob.glob('/work/shared/corpora/tw-news-digest/*.gz')):
    for l in gzip.open(f,'rt'):
        d=json.loads(l)
        docs.append(dict(corpus='tw',id=d['link'],source=d.get('source_name') or d['source'],title=d.get('title',''),body=d.get('description','') or '',date=(d.get('published') or '')[:10]))
ntw=len(docs)
for f in sorted(glob.glob('/work/shared/corpora/cctv-xwlb/202[345]/*.gz')):
    try: j=json.load(gzip.open(f,'rt'))
    except Exception: continue
    for it in j.get('videoList',[]):
        det=it.get('video_detail') or {}
        body=re.sub(r'<[^>]+>','',det.get('content') or '') or it.get('brief','')
        docs.append(dict(corpus='cctv',id=det.get('id') or it.get('video_id'),source='央视新闻联播',title=it.get('video_title',''),body=body[:600],date=(it.get('pub_date') or '')[:10]))
def sh(t):
    t=re.sub(r'[\W_]+','',t)
    return {t[i:i+3] for i in range(len(t)-2)}
S=[sh(d['title']+d['body']) for d in docs]
def day(d):
    try: return datetime.date.fromisoformat(d['date']).toordinal()
    except Exception: return None
K=40; R=2
salts=[np.uint64(random.Random(i).getrandbits(63)) for i in range(K)]
def h(s): return int.from_bytes(hashlib.blake2b(s.encode(),digest_size=8).digest(),'little')
buckets=collections.defaultdict(list)
for i,s in enumerate(S):
    if len(s)<8: continue
    hs=np.array([h(x) for x in s],dtype=np.uint64)
    sig=[int(((hs ^ salt)*np.uint64(0x9E3779B97F4A7C15)).min()) for salt in salts]
    for b in range(K//R):
        buckets[(b,tuple(sig[b*R:(b+1)*R]))].append(i)
pairs=set()
for v in buckets.values():
    if 1<len(v)<60:
        for a in range(len(v)):
            for c in range(a+1,len(v)): pairs.add((v[a],v[c]))
strata=collections.defaultdict(list)
for a,c in pairs:
    da,dc=day(docs[a]),day(docs[c])
    if da is None or dc is None or abs(da-dc)>3: continue
    if docs[a]['title']==docs[c]['title'] and docs[a]['body']==docs[c]['body']: continue
    j=len(S[a]&S[c])/len(S[a]|S[c])
    if j<0.1: continue
    k=docs[a]['corpus']+'-'+docs[c]['corpus']
    b=min(int(j*10),7)
    strata[(k,b)].append((a,c,j))
want={'tw-tw':22,'cctv-cctv':6}
out=[]
for (k,b),lst in sorted(strata.items()):
    n=want.get(k,0)
    rng.shuffle(lst)
    out+= [(k,b,x) for x in lst[:n]]
print(len(out), collections.Counter((k,b) for k,b,x in out))
rows=[]
for k,b,(a,c,j) in out:
    if rng.random()<0.5: a,c=c,a
    rows.append(dict(kind='real-'+k,a=docs[a],b=docs[c]))
rng.shuffle(rows)
with open(f'real-pairs-seed{SEED}.jsonl','w') as f:
    for r in rows: f.write(json.dumps(r,ensure_ascii=False)+'\n')
# sources for synthetic reprints: random tw stories (body>=40) and cctv items, plus for each, a negative partner: the most similar other doc within 3 days
tw=[i for i in range(ntw) if len(docs[i]['body'])>=40 and len(S[i])>=20]
cc=[i for i in range(ntw,len(docs)) if len(docs[i]['body'])>=80]
syn=[('tw',i) for i in rng.sample(tw,45)]+[('cctv',i) for i in rng.sample(cc,35)]
bydate=collections.defaultdict(list)
for i in range(len(docs)):
    dd=day(docs[i])
    if dd: bydate[(docs[i]['corpus'],dd)].append(i)
with open(f'reprint-sources-seed{SEED}.jsonl','w') as f:
    for k,i in syn:
        dd=day(docs[i]); best=None
        for o in range(-1,2):
            for x in bydate[(docs[i]['corpus'],dd+o)]:
                if x==i: continue
                j=len(S[i]&S[x])/max(1,len(S[i]|S[x]))
                if j<0.6 and (best is None or j>best[0]): best=(j,x)
        f.write(json.dumps(dict(kind='reprint-'+k,a=docs[i],neighbour=docs[best[1]] if best else None),ensure_ascii=False)+'\n')
