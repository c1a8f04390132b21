import * as Y from 'yjs';
const make = (n: number) => { const doc = new Y.Doc(); const nodes = doc.getMap('nodes'); doc.transact(() => { for (let i = 0; i < n; i++) { const m = new Y.Map(); m.set('type','sticky'); m.set('x',(i%40)*220); m.set('y',Math.floor(i/40)*160); m.set('text',`付箋 ${i}: 予算は第4四半期に決まる`); m.set('department', i%2?'sales':'marketing'); nodes.set(`n${i}`, m);} }); return Y.encodeStateAsUpdate(doc); };
(window as any).run = () => {
const out: Record<string, number[]> = {};
const v1s = Array.from({length:40},()=>make(500));
const t = <T,>(label: string, f: () => T): T => { const s=performance.now(); const r=f(); (out[label] ??= []).push(Math.round(performance.now()-s)); return r; };
for (let k = 0; k < 6; k++) {
const docs = t('applyUpdate v1', () => v1s.map(u => { const d = new Y.Doc(); Y.applyUpdate(d,u); return d; }));
const v2s = t('encodeV2', () => docs.map(d => Y.encodeStateAsUpdateV2(d)));
t('encodeV1', () => docs.map(d => Y.encodeStateAsUpdate(d)));
t('convert v1->v2', () => v1s.map(u => Y.convertUpdateFormatV1ToV2(u)));
t('convert v2->v1', () => v2s.map(u => Y.convertUpdateFormatV2ToV1(u)));
const d2 = t('applyUpdateV2', () => v2s.map(u => { const d = new Y.Doc(); Y.applyUpdateV2(d,u); return d; }));
t('encodeV1 after V2 apply', () => d2.map(d => Y.encodeStateAsUpdate(d)));
t('decodeUpdate v1', () => v1s.map(u => Y.decodeUpdate(u)));
}
return Object.entries(out).map(([k, v]) => `${k.padEnd(28)} min ${Math.min(...v)}  ${v.join(' ')}`).join('\n');
};
document.title = 'ready';
