import type { securityEn } from './security.en';

/** 画面上のウィザード自身のセキュリティの文言。 */
export const securityJa: Record<keyof typeof securityEn, string> = {
  'errors.security.keyPermissions':
    'シークレットの鍵 {path} はこのマシンの他のユーザーが読み取れます。所有者だけが読めるようにしてください: chmod 600 {path}',
  'errors.security.keyInvalid':
    'シークレットの鍵 {path} はこのウィザードの鍵（32 バイトの乱数）ではありません。別の場所に移すと新しい鍵が作られます。',
  'errors.security.draftTooLarge': '下書きが大きすぎて保存できません（{size} バイト、上限 {limit}）。',
  'errors.security.checksRuns':
    'この下書きで同時に実行できる前提条件チェックの数（{limit}）を超えています。実行中のものが終わるまでお待ちください。',
  'ui.security.signOut': 'サインアウト',
  'ui.security.secretsIdle':
    'このマシンに保存しないシークレットはサーバーのメモリーにのみ置かれ、{minutes} 分間操作がないと破棄されます。',
  'ui.security.secretsLost':
    '入力したシークレットをウィザードが保持していません（再起動したか、有効期限が切れました）。入力し直すもの: {count} 件。それぞれを入力し直すまで、設定は不完全です。',
  'ui.security.secretsLost.keep':
    '再起動後もシークレットを残すには「シークレットをこのマシンに保存する」をオンにしてください（暗号化して保存されます）。',
  'ui.security.secretsExpired':
    '以前に入力したシークレットは、{minutes} 分間操作がなかったため破棄されました（サーバーのメモリーにのみ置かれていました）。もう一度入力してください。',
  'ui.security.secretsUnreadable':
    'この下書きと一緒に保存したシークレットを、このマシンの鍵（{file}）で復号できません。もう一度入力してください。',
  'ui.security.draftSetAside':
    '保存された下書きを読み取れませんでした（{reason}）。{file} として残し、新しい下書きを始めました。',
  'ui.security.sessionEnded':
    'ウィザードとのセッションが終了しました。ウィザードを動かしているマシンのウィザードのフォルダーで signin-url コマンド（アーカイブでは「./wandb-airgap-wizard signin-url」、ソースからは「npm run signin-url」）を実行し、新しいサインイン用アドレスを開いてください。',
  'ui.security.conflict.title': 'この下書きは別のタブまたはウィンドウで変更されました',
  'ui.security.conflict.body':
    'このタブで読み込んだ後にサーバー上の下書きが変更されたため、変更は保存されていません。あちらで変更された項目: {fields}。',
  'ui.security.conflict.none': 'なし（訪問したステップ、またはシークレット保存の設定のみ）',
  'ui.security.conflict.keepMine': '自分の内容を残す（上書き保存）',
  'ui.security.conflict.takeTheirs': 'あちらの内容を使う（自分の変更を破棄）',
  'apply.security.changedSinceChecks':
    '前提条件チェックの実行後に構成が変更されました: {fields}。この構成でチェックをもう一度実行してください。',
  'apply.security.locked':
    'このクラスターとリリースへの別の適用が実行中です（{holder} が {since} に開始）。終了するまでお待ちください。',
  'apply.security.audit.title': '監査ログ',
  'apply.security.audit.lead':
    'このサーバーでのドライラン、適用、復旧、チェックを無視した続行、取り消しのすべて（新しい順）。シークレットは含みません。',
  'apply.security.audit.download': '監査ログをダウンロード',
  'apply.security.audit.empty': 'まだ記録はありません。',
  'apply.security.audit.when': '日時',
  'apply.security.audit.event': 'イベント',
  'apply.security.audit.session': 'セッション',
  'apply.security.audit.target': '対象',
  'apply.security.audit.config': '構成',
  'apply.security.audit.outcome.succeeded': '成功',
  'apply.security.audit.outcome.failed': '失敗',
  'apply.security.audit.outcome.cancelled': 'キャンセル',
  'apply.security.audit.outcome.refused': '拒否',
  'apply.security.audit.outcome.recorded': '記録',
  'apply.security.audit.result': '結果',
  'apply.security.audit.event.dryRun': 'ドライラン',
  'apply.security.audit.event.apply': '適用',
  'apply.security.audit.event.recover': '復旧付きの適用',
  'apply.security.audit.event.follow': '起動状況の確認',
  'apply.security.audit.event.bypass': '{check} を無視して続行',
  'apply.security.audit.event.cancel': '取り消し',
};
