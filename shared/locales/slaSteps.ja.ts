import type { Messages } from './en';

/** Japanese strings of the SLA page in steps (merged into `ja.slaSteps`). */
export const slaStepsJa: Messages['slaSteps'] = {
  nav: 'SLA の手順',
  step: '{{number}}. {{step}}',
  steps: {
    commitments: 'コミットメント',
    document: '文書',
    review: 'レビューと署名',
    versions: '版',
  },
  next: '次へ：{{step}}',
  commitments: {
    intro: '各部門が約束することをレーンごとに示します。カードを開くと数値を変更でき、変更のたびに文書が再生成されます。',
  },
  document: {
    intro: '署名される文書です。セクションに自分の文章を加えるには、その「編集」ボタンを押します。',
    edit: '編集',
    editSection: '編集：{{section}}',
    done: '完了',
    doneSection: '編集を完了：{{section}}',
  },
  review: {
    draft: 'コミットメントと文書の準備ができたら、署名者を選んで下書きをレビューに提出します。署名のあいだ内容はロックされます。',
    inReview: '各署名者は「署名…」ボタンで署名します（手書きまたは入力した署名、氏名、役職、日付）。',
    signed: '全員が署名しました。この版は凍結されています。PDF と検証は「版」にあります。',
  },
  versions: {
    verifyHint: '受け取った PDF が署名済みの版と一致するかを確かめます。',
  },
};
