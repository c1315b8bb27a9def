export {
  collectPolicyTexts,
  type DetectOptions,
  detectPage,
  type PageState,
  type PasswordForm,
  readPasswordRulesAttr,
} from './detect';
export { isProbablyVisible } from './visibility';
export { holdsPasswordLike, mutationsMatter, PASSWORD_LIKE_SELECTOR, passwordLikeIn } from './watch';
